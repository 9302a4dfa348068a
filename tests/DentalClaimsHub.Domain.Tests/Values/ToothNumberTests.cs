using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class ToothNumberTests
{
    [Theory]
    [MemberData(nameof(ToothChart.UniversalToFdi), MemberType = typeof(ToothChart))]
    public void ToFdi_EveryUniversalTooth_GivesChartFdi(string universal, string fdi)
    {
        var tooth = ToothNumber.ParseUniversal(universal).ToFdi();

        Assert.Equal(ToothSystem.Fdi, tooth.System);
        Assert.Equal(fdi, tooth.Value);
    }

    [Theory]
    [MemberData(nameof(ToothChart.UniversalToFdi), MemberType = typeof(ToothChart))]
    public void ToUniversal_EveryFdiTooth_GivesChartUniversal(string universal, string fdi)
    {
        var tooth = ToothNumber.ParseFdi(fdi).ToUniversal();

        Assert.Equal(ToothSystem.Universal, tooth.System);
        Assert.Equal(universal, tooth.Value);
    }

    [Theory]
    [MemberData(nameof(ToothChart.UniversalToFdi), MemberType = typeof(ToothChart))]
    public void RoundTrip_EveryTooth_ReturnsOriginal(string universal, string fdi)
    {
        var fromUniversal = ToothNumber.ParseUniversal(universal);
        var fromFdi = ToothNumber.ParseFdi(fdi);

        Assert.Equal(fromUniversal, fromUniversal.ToFdi().ToUniversal());
        Assert.Equal(fromFdi, fromFdi.ToUniversal().ToFdi());
        Assert.True(fromUniversal.IsSameTooth(fromFdi));
        Assert.Equal(fromUniversal.Quadrant, fromFdi.Quadrant);
        Assert.Equal(fromUniversal.IsPrimary, fromFdi.IsPrimary);
    }

    [Fact]
    public void Chart_CoversAllFiftyTwoTeeth()
    {
        Assert.Equal(52, ToothChart.UniversalToFdi.Count);
    }

    [Theory]
    [InlineData("1", Quadrant.UpperRight, Arch.Maxillary, false, 8)]
    [InlineData("14", Quadrant.UpperLeft, Arch.Maxillary, false, 6)]
    [InlineData("19", Quadrant.LowerLeft, Arch.Mandibular, false, 6)]
    [InlineData("30", Quadrant.LowerRight, Arch.Mandibular, false, 6)]
    [InlineData("A", Quadrant.UpperRight, Arch.Maxillary, true, 5)]
    [InlineData("K", Quadrant.LowerLeft, Arch.Mandibular, true, 5)]
    [InlineData("T", Quadrant.LowerRight, Arch.Mandibular, true, 5)]
    public void Properties_UniversalTooth_DescribeLocation(string universal, Quadrant quadrant, Arch arch, bool primary, int position)
    {
        var tooth = ToothNumber.ParseUniversal(universal);

        Assert.Equal(quadrant, tooth.Quadrant);
        Assert.Equal(arch, tooth.Arch);
        Assert.Equal(primary, tooth.IsPrimary);
        Assert.Equal(position, tooth.Position);
    }

    [Theory]
    [InlineData("51", Quadrant.UpperRight)]
    [InlineData("65", Quadrant.UpperLeft)]
    [InlineData("73", Quadrant.LowerLeft)]
    [InlineData("84", Quadrant.LowerRight)]
    public void Quadrant_PrimaryFdiTooth_MapsToPermanentQuadrant(string fdi, Quadrant quadrant)
    {
        Assert.Equal(quadrant, ToothNumber.ParseFdi(fdi).Quadrant);
    }

    [Theory]
    [InlineData(" 03 ", "3")]
    [InlineData("a", "A")]
    [InlineData("А", "A")]
    public void ParseUniversal_SloppyInput_IsNormalised(string input, string expected)
    {
        Assert.Equal(expected, ToothNumber.ParseUniversal(input).Value);
    }

    [Fact]
    public void ParseFdi_DottedNotation_IsRead()
    {
        Assert.Equal("16", ToothNumber.ParseFdi("1.6").Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    [InlineData("U")]
    [InlineData("AS")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseUniversal_Invalid_Throws(string? input)
    {
        Assert.Throws<DomainException>(() => ToothNumber.ParseUniversal(input));
        Assert.False(ToothNumber.TryParse(input, ToothSystem.Universal, out _));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("19")]
    [InlineData("49")]
    [InlineData("56")]
    [InlineData("86")]
    [InlineData("90")]
    [InlineData("09")]
    [InlineData("1")]
    [InlineData("111")]
    [InlineData("A")]
    public void ParseFdi_Invalid_Throws(string input)
    {
        var ex = Assert.Throws<DomainException>(() => ToothNumber.ParseFdi(input));
        Assert.Contains("FDI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_SameToothDifferentSystems_NotEqualButSameTooth()
    {
        var universal = ToothNumber.ParseUniversal("3");
        var fdi = ToothNumber.ParseFdi("16");

        Assert.NotEqual(universal, fdi);
        Assert.True(universal.IsSameTooth(fdi));
        Assert.Equal(fdi, universal.To(ToothSystem.Fdi));
    }
}
