using System.Text;

namespace DentalClaimsHub.X12.Tests.Reading;

/// <summary>
/// Segments read from input keep their text in shared blocks and split it on demand: every accessor must answer
/// exactly what a segment built from the same element strings answers.
/// </summary>
public sealed class X12CompactSegmentTests
{
    [Theory]
    [InlineData('*', '^', ':', '~')]
    [InlineData('|', '!', '>', '\n')]
    public void ReadSegments_AnswerLikeSegmentsBuiltFromStrings(char e, char r, char c, char s)
    {
        var text = X12TestInput.Interchange(e, r, c, s, between: "")
            .Replace($"HI{e}", $"REF{e}6R{e}{e}{s}HI{e}", StringComparison.Ordinal);

        var segments = X12TestInput.ReadAll(text, out _);

        var delimiters = new X12Delimiters(e, r, c, s);
        foreach (var (read, raw) in segments.Zip(text.Split(s, StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = raw.Split(e);
            var built = X12Segment.Create(delimiters, parts[0], parts[1..]);
            AssertSame(built, read);
        }

        Assert.Contains(segments, x => x.Id == "REF" && x.ElementCount == 3 && x[3] == "");
    }

    [Fact]
    public void ReadSegments_StayIntactAfterManyMoreAreRead()
    {
        var body = string.Concat(Enumerable.Range(0, 5000).Select(i => $"REF*6R*LINE{i:D6}*DESCRIPTION {i}~"));
        var text = X12TestInput.Interchange(between: "").Replace("HI*", body + "HI*", StringComparison.Ordinal);

        var segments = X12TestInput.ReadAll(text, out _);

        var refs = segments.Where(x => x.Id == "REF").ToList();
        Assert.Equal(5000, refs.Count);
        Assert.Equal("REF*6R*LINE000000*DESCRIPTION 0", refs[0].ToString());
        Assert.Equal("LINE002500", refs[2500][2]);
        Assert.Equal(["REF", "6R", "LINE004999", "DESCRIPTION 4999"], refs[^1].Elements);
    }

    [Fact]
    public void ReadSegment_WithNonAsciiText_DecodesUtf8PerElement()
    {
        var bytes = Encoding.UTF8.GetBytes(X12TestInput.Interchange().Replace("BHT*", "NM1*IL*1*MÜLLER*ZOË~BHT*", StringComparison.Ordinal))
            .Concat(new byte[] { (byte)'N', (byte)'T', (byte)'E', (byte)'*', 0xC3, (byte)'*', (byte)'X', (byte)'~' }).ToArray();

        var segments = X12TestInput.ReadAll(bytes, out _);

        var nm1 = Assert.Single(segments, x => x.Id == "NM1");
        Assert.Equal(("MÜLLER", "ZOË", 4), (nm1[3], nm1[4], nm1.ElementCount));
        var nte = Assert.Single(segments, x => x.Id == "NTE");
        Assert.Equal(["NTE", "\uFFFD", "X"], nte.Elements);
    }

    [Fact]
    public void Elements_ReturnsTheSameArrayOnEveryCall()
    {
        var clm = Assert.Single(X12TestInput.ReadAll(X12TestInput.Interchange(), out _), x => x.Id == "CLM");

        Assert.Same(clm.Elements, clm.Elements);
        Assert.Equal("11:B:1", clm.Elements[5]);
        Assert.Equal("B", clm[5, 2]);
    }

    [Fact]
    public void Indexer_ReturnsTheSameStringOnEveryCall()
    {
        var segments = X12TestInput.ReadAll(X12TestInput.Interchange(), out _);
        var bht = Assert.Single(segments, x => x.Id == "BHT");

        Assert.Same(bht[4], bht[4]);
        Assert.Same(bht[1], bht[1]);
        Assert.Equal(("20260115", "0019", ""), (bht[4], bht[1], bht[40]));
        Assert.Same(bht[4], bht.Elements[4]);
    }

    private static void AssertSame(X12Segment expected, X12Segment actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ElementCount, actual.ElementCount);
        Assert.Equal(expected.ToString(), actual.ToString());
        for (var i = -1; i <= expected.ElementCount + 1; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(expected.Repetitions(i), actual.Repetitions(i));
            Assert.Equal(expected.Components(i), actual.Components(i));
            Assert.Equal(expected[i, 2], actual[i, 2]);
        }

        Assert.Equal(expected.Elements, actual.Elements);
    }
}
