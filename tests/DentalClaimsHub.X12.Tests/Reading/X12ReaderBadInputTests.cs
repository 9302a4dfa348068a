using System.Text;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Tests.Reading;

public class X12ReaderBadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public void TryRead_EmptyInput_ReportsEmptyIssue(string text)
    {
        var segments = X12TestInput.ReadAll(text, out var reader);

        Assert.Empty(segments);
        Assert.Equal(X12ReadCodes.EmptyInput, Assert.Single(reader.Issues).Code);
        Assert.Null(reader.Delimiters);
    }

    [Fact]
    public void TryRead_NoIsa_ReportsNoIsa()
    {
        var segments = X12TestInput.ReadAll("GS*HC*A*B~ST*837*1~", out var reader);

        Assert.Empty(segments);
        Assert.Contains(reader.Issues, i => i.Code == X12ReadCodes.NoIsa && i.Severity == X12IssueSeverity.Error);
    }

    [Fact]
    public void TryRead_BinaryGarbage_ReportsNoIsaWithoutThrowing()
    {
        var bytes = new byte[10_000];
        new Random(42).NextBytes(bytes);

        var segments = X12TestInput.ReadAll(bytes, out var reader);

        Assert.Empty(segments);
        Assert.Contains(reader.Issues, i => i.Code == X12ReadCodes.NoIsa);
    }

    [Fact]
    public void TryRead_GarbageBeforeIsa_SkipsItAndReadsInterchange()
    {
        var segments = X12TestInput.ReadAll("hello world\r\n" + X12TestInput.Interchange(), out var reader);

        Assert.Equal(9, segments.Count);
        Assert.Equal(13, segments[0].ByteOffset);
        var issue = Assert.Single(reader.Issues);
        Assert.Equal(X12ReadCodes.LeadingGarbage, issue.Code);
        Assert.Equal(0, issue.ByteOffset);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(50)]
    [InlineData(104)]
    public void TryRead_TruncatedIsa_ReportsTruncatedIsa(int length)
    {
        var segments = X12TestInput.ReadAll(X12TestInput.Isa()[..length], out var reader);

        Assert.Empty(segments);
        Assert.Equal(X12ReadCodes.TruncatedIsa, Assert.Single(reader.Issues).Code);
    }

    [Fact]
    public void TryRead_FileEndsInsideSegment_YieldsTailAndReportsMissingTerminator()
    {
        var text = X12TestInput.Interchange();
        var segments = X12TestInput.ReadAll(text[..^3], out var reader);

        Assert.Equal("IEA", segments[^1].Id);
        Assert.Equal("0000000", segments[^1][2]);
        var issue = Assert.Single(reader.Issues);
        Assert.Equal(X12ReadCodes.MissingTerminator, issue.Code);
        Assert.Equal(9, issue.SegmentOrdinal);
    }

    [Fact]
    public void TryRead_SegmentLongerThanLimit_SkipsItAndContinues()
    {
        var text = X12TestInput.Interchange().Replace("HI*", "HI*" + new string('X', 5000) + "*");
        var options = new X12ReaderOptions { BufferSize = 1024, MaxSegmentLength = 2048 };

        var segments = X12TestInput.ReadAll(Encoding.ASCII.GetBytes(text), out var reader, options);

        Assert.DoesNotContain(segments, s => s.Id == "HI");
        Assert.Equal(8, segments.Count);
        Assert.Equal(7, segments.Single(s => s.Id == "SE").Ordinal);
        Assert.Equal(X12ReadCodes.SegmentTooLong, Assert.Single(reader.Issues).Code);
    }

    [Fact]
    public void TryRead_IsaNotFixedWidth_WarnsAndStillReads()
    {
        var text = X12TestInput.Interchange().Replace("SUBMITTER01    ", "SUBMITTER01");

        var segments = X12TestInput.ReadAll(text, out var reader);

        Assert.Equal(9, segments.Count);
        Assert.Equal(X12ReadCodes.IsaNotFixedWidth, Assert.Single(reader.Issues).Code);
    }
}
