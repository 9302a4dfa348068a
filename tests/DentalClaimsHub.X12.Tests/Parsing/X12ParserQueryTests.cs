using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Parsing;

public sealed class X12ParserQueryTests
{
    private readonly X12Parser _parser = new(SampleFiles.Registry);

    [Fact]
    public void Loops_837Claims_FindsEveryClaimWithItsFrequency()
    {
        var tx = _parser.Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single();

        var claims = tx.Loops("2300").Select(l => (l.Segment("CLM")![1], l.Segment("CLM")![5, 3])).ToList();

        Assert.Equal([("PCN1001", "1"), ("PCN1002", "1"), ("PCN1003", "1"), ("PCN1004", "1"), ("PCN1001R", "7"), ("PCN2001", "1")], claims);
    }

    [Fact]
    public void Segments_ReplacementClaim_CarriesPayerClaimNumberAndLines()
    {
        var claim = _parser.Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single().Loops("2300")
            .Single(l => l.Segment("CLM")![1] == "PCN1001R");

        Assert.Equal("DNCLM26030900123", claim.Segment("REF", 1, "F8")?[2]);
        Assert.Equal(["D2392", "D2392", "D0120"], claim.Loops("2400").Select(l => l.Segment("SV3")![1, 2]));
        Assert.Equal(["M", "O"], claim.Loops("2400").First().Segment("TOO")!.Components(3));
    }

    [Fact]
    public void Loops_837Hierarchy_NestsPatientUnderSubscriber()
    {
        var tx = _parser.Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single();

        var patient = tx.Loops("2000C").Single();
        Assert.Equal("2000B", ((X12Loop)patient.Parent!).Id);
        Assert.Equal("AMARA", patient.Loops("2010CA").Single().Segment("NM1")![4]);
        Assert.Equal("PCN2001", patient.Loops("2300").Single().Segment("CLM")![1]);
    }

    [Fact]
    public void Parse_KeepsOrdinalsAndByteOffsets()
    {
        var text = SampleFiles.Read("270-dental-inquiry.x12");
        var tx = _parser.Parse(text).Transactions.Single();

        var eq = tx.Loops("2110C").Single().Segment("EQ")!;
        Assert.Equal("35", eq[1]);
        Assert.Equal(text.IndexOf("EQ*35", StringComparison.Ordinal), (int)eq.ByteOffset);
        Assert.Equal(tx.Header.Ordinal + 12 - 1, eq.Ordinal);
        Assert.Equal(12, tx.PositionOf(eq));
    }

    [Fact]
    public void Parse_UnexpectedSegment_KeepsItAndReportsIt()
    {
        var text = SampleFiles.Read("270-dental-inquiry.x12").Replace("EQ*35~", "EQ*35~ZZZ*1~", StringComparison.Ordinal);

        var document = _parser.Parse(text);

        var issue = Assert.Single(document.Issues, i => i.SegmentId == "ZZZ");
        Assert.Equal(("IK304-1", "2110C"), (issue.Code, issue.LoopId));
        Assert.Contains(document.Transactions.Single().Segments, s => s.Id == "ZZZ" && s.Rule is null);
    }

    [Fact]
    public void Parse_UnsupportedGuide_KeepsAFlatTransactionAndReportsIt()
    {
        var text = SampleFiles.Read("270-dental-inquiry.x12").Replace("005010X279A1", "004010X092A1", StringComparison.Ordinal);

        var document = _parser.Parse(text);

        Assert.Contains(document.Issues, i => i.Code == "IK502-1");
        var tx = document.Transactions.Single();
        Assert.Null(tx.Schema);
        Assert.Equal(13, tx.Segments.Count());
    }

    [Fact]
    public void Loops_835_GroupsAdjustmentsUnderServiceLines()
    {
        var tx = _parser.Parse(SampleFiles.Read("835-remittance.x12")).Transactions.Single();

        var reversal = tx.Loops("2100").Single(l => l.Segment("CLP")![2] == "22");
        Assert.Equal("-42", reversal.Segment("CAS")![3]);
        Assert.Equal(5, tx.Loops("2100").Count());
        Assert.Equal(["N130", "M86"], tx.Loops("2110").SelectMany(l => l.Segments("LQ")).Take(2).Select(s => s[2]));
        Assert.Single(tx.Root.Segments("PLB"));
    }
}
