namespace DentalClaimsHub.X12.Tests.Reading;

public class X12SegmentTests
{
    [Fact]
    public void Indexer_AbsentElementOrComponent_ReturnsEmpty()
    {
        var segment = X12Segment.Create("SV3", "AD:D2392", "185");

        Assert.Equal("185", segment[2]);
        Assert.Equal("", segment[3]);
        Assert.Equal("", segment[0 + 9]);
        Assert.Equal("D2392", segment[1, 2]);
        Assert.Equal("", segment[1, 3]);
        Assert.Equal("", segment[2, 2]);
        Assert.Empty(segment.Components(5));
        Assert.Empty(segment.Repetitions(5));
    }

    [Fact]
    public void Components_RepeatedComposite_SplitsFirstRepetition()
    {
        var segment = X12Segment.Create("HI", "ABK:K021^ABF:K029");

        Assert.Equal(["ABK:K021", "ABF:K029"], segment.Repetitions(1));
        Assert.Equal(["ABK", "K021"], segment.Components(1));
        Assert.Equal(1, segment.ElementCount);
        Assert.Equal("HI*ABK:K021^ABF:K029", segment.ToString());
    }

    [Fact]
    public void Components_IsaSeparatorElements_AreNotSplit()
    {
        var isa = X12TestInput.ReadAll(X12TestInput.Interchange(), out _)[0];

        Assert.Equal(["^"], isa.Repetitions(11));
        Assert.Equal([":"], isa.Components(16));
        Assert.Equal(":", isa[16, 1]);
    }

    [Theory]
    [InlineData("41^23^35", new[] { "41", "23", "35" })]
    [InlineData("41^", new[] { "41", "" })]
    [InlineData("^35", new[] { "", "35" })]
    [InlineData("AD:D2391^AD:D2392:1", new[] { "AD:D2391", "AD:D2392:1" })]
    [InlineData("LONGER VALUE", new[] { "LONGER VALUE" })]
    [InlineData("Ω^Ж", new[] { "Ω", "Ж" })]
    public void Repetitions_SegmentReadFromInput_AreTheElementSplitAtTheSeparator(string element, string[] expected)
    {
        var eb = X12TestInput.ReadAll(X12TestInput.Isa() + $"EB*C*IND*{element}*X~", out _)[1];

        Assert.Equal(expected, eb.Repetitions(3));
        Assert.Equal(element.Split('^')[0].Split(':'), eb.Components(3));
        Assert.Equal(element.Split('^')[0].Split(':')[0], eb[3, 1]);
        Assert.Equal(element.Split('^')[0].Split(':') is [_, var second, ..] ? second : "", eb[3, 2]);
        Assert.Equal(element, eb[3]);
    }

    [Fact]
    public void Create_WithoutId_Throws()
    {
        Assert.Throws<ArgumentException>(() => X12Segment.Create(""));
    }
}
