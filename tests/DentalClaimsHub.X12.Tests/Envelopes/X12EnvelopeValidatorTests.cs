using System.Text;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Tests.Reading;

namespace DentalClaimsHub.X12.Tests.Envelopes;

public class X12EnvelopeValidatorTests
{
    private static X12EnvelopeReport Validate(string text) =>
        new X12EnvelopeValidator().Validate(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Validate_WellFormedInterchange_IsValidAndExposesStructure()
    {
        var report = Validate(X12TestInput.Interchange() + X12TestInput.Interchange(control: "000000002"));

        Assert.True(report.IsValid, string.Join("\n", report.Issues));
        Assert.Equal(18, report.SegmentCount);
        Assert.Equal(2, report.Interchanges.Count);
        var isa = report.Interchanges[0];
        Assert.Equal("000000001", isa.ControlNumber);
        Assert.Equal(("ZZ", "SUBMITTER01"), isa.Sender);
        Assert.Equal((1, 9), (isa.StartOrdinal, isa.EndOrdinal!.Value));
        var group = Assert.Single(isa.Groups);
        Assert.Equal(("HC", "1", "005010X224A2"), (group.FunctionalId, group.ControlNumber, group.Version));
        var st = Assert.Single(group.TransactionSets);
        Assert.Equal(("837", "0001", "005010X224A2"), (st.TransactionSetId, st.ControlNumber, st.ImplementationReference));
        Assert.Equal((3, 7, 5), (st.StartOrdinal, st.EndOrdinal!.Value, st.SegmentCount));
        Assert.Equal(Ta1NoteCode.NoError, isa.NoteCode);
    }

    [Theory]
    [InlineData("IEA*1*000000001~", "IEA*1*000000009~", "TA1-001", "IEA", 2)]
    [InlineData("IEA*1*000000001~", "IEA*2*000000001~", "TA1-021", "IEA", 1)]
    [InlineData("GE*1*1~", "GE*1*7~", "AK905-4", "GE", 2)]
    [InlineData("GE*1*1~", "GE*3*1~", "AK905-5", "GE", 1)]
    [InlineData("SE*5*0001~", "SE*5*0002~", "IK502-3", "SE", 2)]
    [InlineData("SE*5*0001~", "SE*6*0001~", "IK502-4", "SE", 1)]
    [InlineData("*260115*1230*^", "*261315*1230*^", "TA1-014", "ISA", 9)]
    [InlineData("*260115*1230*^", "*260115*2460*^", "TA1-015", "ISA", 10)]
    [InlineData("*00501*", "*00401*", "TA1-003", "ISA", 12)]
    [InlineData("*00501*", "*0501*", "TA1-017", "ISA", 12)]
    [InlineData("*000000001*1*T*", "*00000001A*1*T*", "TA1-018", "ISA", 13)]
    [InlineData("*000000001*1*T*", "*000000001*2*T*", "TA1-019", "ISA", 14)]
    [InlineData("*000000001*1*T*", "*000000001*1*X*", "TA1-020", "ISA", 15)]
    [InlineData("ISA*00*", "ISA*07*", "TA1-010", "ISA", 1)]
    [InlineData("*ZZ*SUBMITTER01    ", "*QQ*SUBMITTER01    ", "TA1-005", "ISA", 5)]
    [InlineData("*ZZ*SUBMITTER01    ", "*ZZ*               ", "TA1-006", "ISA", 6)]
    [InlineData("*20260115*1230*1*X", "*20261301*1230*1*X", "IK403-8", "GS", 4)]
    [InlineData("*20260115*1230*1*X", "*20260115*2599*1*X", "IK403-9", "GS", 5)]
    [InlineData("*20260115*1230*1*X", "*20260115*1230*A1*X", "AK905-6", "GS", 6)]
    [InlineData("ST*837*0001*", "ST*83*0001*", "IK502-6", "ST", 1)]
    public void Validate_EnvelopeDefect_ReportsItWithItsCodeAndPosition(string from, string to, string code, string id, int element)
    {
        var text = X12TestInput.Interchange();
        Assert.Contains(from, text);

        var report = Validate(text.Replace(from, to));

        Assert.False(report.IsValid);
        // A changed header control number also breaks its trailer: the first error is the header's own.
        var issue = report.Issues.First(i => i.Severity == X12IssueSeverity.Error);
        Assert.Equal(code, issue.Code);
        Assert.Equal(id, issue.SegmentId);
        Assert.Equal(element, issue.ElementPosition);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }

    [Fact]
    public void Validate_SeCountWrong_AttachesIssueToTransactionSetWithBothCounts()
    {
        var report = Validate(X12TestInput.Interchange().Replace("SE*5*0001~", "SE*9*0001~"));

        var st = Assert.Single(report.TransactionSets);
        var issue = Assert.Single(st.Issues);
        Assert.Equal("IK502-4", issue.Code);
        Assert.Equal(7, issue.SegmentOrdinal);
        Assert.Contains("'9'", issue.Message);
        Assert.Contains("has 5", issue.Message);
        Assert.Equal(Ta1NoteCode.NoError, report.Interchanges[0].NoteCode);
    }

    [Fact]
    public void Validate_DuplicateInterchangeControlNumber_Reports025()
    {
        var report = Validate(X12TestInput.Interchange() + X12TestInput.Interchange());

        Assert.Equal(Ta1NoteCode.NoError, report.Interchanges[0].NoteCode);
        Assert.Equal(Ta1NoteCode.DuplicateControlNumber, report.Interchanges[1].NoteCode);
    }

    [Fact]
    public void Validate_DuplicateTransactionControlNumber_ReportsIk502Code23()
    {
        var text = X12TestInput.Interchange().Replace("SE*5*0001~", "SE*5*0001~ST*837*0001*005010X224A2~SE*2*0001~")
            .Replace("GE*1*1~", "GE*2*1~");

        var report = Validate(text);

        Assert.Equal(["IK502-23"], report.Issues.Select(i => i.Code));
        Assert.Equal(2, report.Interchanges[0].Groups[0].TransactionSets.Count);
    }

    [Fact]
    public void Validate_MissingTrailers_ReportsEachMissingTrailer()
    {
        var text = X12TestInput.Interchange();
        var cut = text[..text.IndexOf("SE*", StringComparison.Ordinal)];

        var report = Validate(cut);

        Assert.Equal(["IK502-2", "AK905-3", "TA1-023"], report.Issues.Select(i => i.Code));
        Assert.Equal(Ta1NoteCode.PrematureEndOfFile, report.Interchanges[0].NoteCode);
    }

    [Fact]
    public void Validate_FileTruncatedInsideIea_ReportsPrematureEnd()
    {
        var report = Validate(X12TestInput.Interchange()[..^1]);

        Assert.Equal(Ta1NoteCode.PrematureEndOfFile, report.Interchanges[0].NoteCode);
    }

    [Fact]
    public void Validate_BodySegmentOutsideTransaction_ReportsInvalidContentOnce()
    {
        var text = X12TestInput.Interchange().Replace("GS*", "REF*EI*1~REF*EI*2~GS*").Replace("IEA*1*", "REF*X*1~IEA*1*");

        var report = Validate(text);

        Assert.Equal(["TA1-024", "TA1-024"], report.Issues.Select(i => i.Code));
        Assert.Equal([2, 11], report.Issues.Select(i => i.SegmentOrdinal!.Value));
    }

    [Fact]
    public void Validate_InvalidSegmentIdAndTrailingSeparator_ReportsSyntax()
    {
        var report = Validate(X12TestInput.Interchange().Replace("BHT*", "bh*").Replace("HI*ABK:K021^ABF:K029~", "HI*ABK:K021**~"));

        Assert.Equal(["IK304-1", X12EnvelopeCodes.TrailingSeparator], report.Issues.Select(i => i.Code));
        Assert.Equal(X12IssueSeverity.Warning, report.Issues[1].Severity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not x12 at all")]
    public void Validate_UnreadableInput_IsNotReadable(string text)
    {
        var report = Validate(text);

        Assert.False(report.IsReadable);
        Assert.False(report.IsValid);
        Assert.Empty(report.Interchanges);
    }
}
