using System.Text;
using DentalClaimsHub.Adapters.X12.ClaimStatus;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Mappings.Tests.X12.ClaimStatus;

public sealed class ClaimStatus277ReaderTests
{
    private static readonly ClaimStatus277Reader Reader = new(Samples.Schemas);

    private static string Sample(string path) => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", path));

    private static ClaimStatus277Report Read(string text) => Reader.Read(Encoding.UTF8.GetBytes(text));

    private static string Finalized => Sample("277-claim-status-response.x12");

    private static string DependentWithLines => Sample(Path.Combine("claim-status", "277-claim-status-dependent-lines.x12"));

    public static TheoryData<string> Cases => ["finalized-paid", "dependent-lines"];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Read_Sample_MatchesSnapshot(string name) =>
        Snapshot.Verify(CanonicalJson.Render(Read(name == "finalized-paid" ? Finalized : DependentWithLines).Claims), "json", name,
            scrub: false);

    [Fact]
    public void Read_FinalizedSample_IsPaidWithAmountsAndIdentifiers()
    {
        var report = Read(Finalized);

        Assert.Empty(report.Problems);
        var claim = Assert.Single(report.Claims);
        Assert.Equal(ClaimStatusOutcome.Finalized, claim.Outcome);
        Assert.False(claim.Denied);
        Assert.Equal("CS20260401001A", claim.TraceNumber);
        Assert.Equal("DNCLM26030900123", claim.PayerClaimNumber);
        Assert.Null(claim.PatientControlNumber);
        Assert.Equal(468m, claim.TotalCharge);
        Assert.Equal(311.4m, claim.PaidAmount);
        Assert.Equal(new ClaimStatusEntry("F1", "65", null, new DateOnly(2026, 4, 1), 468m, 311.4m), claim.Current);
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10)), (claim.ServiceFrom!.Value, claim.ServiceTo!.Value));
        Assert.Equal("000000402", report.Envelope!.InterchangeControlNumber);
    }

    [Fact]
    public void Read_RepeatedStcAndLines_KeepsEveryStatusAndTakesTheLatestAsCurrent()
    {
        var claim = Assert.Single(Read(DependentWithLines).Claims);

        Assert.Equal(["P1:20", "P3:21", "A2:20"], claim.Statuses.Select(s => $"{s.Category}:{s.Code}"));
        Assert.Equal("PR", claim.Statuses[1].Entity);
        Assert.Null(claim.Statuses[1].TotalCharge); // STC10 details STC01; the amounts are STC01's
        Assert.Equal(ClaimStatusOutcome.Pending, claim.Outcome);
        Assert.Equal("P1", claim.Current!.Category);
        Assert.Equal("7C4E2A103B5D4F6E8A9B", claim.PatientControlNumber);
        Assert.Equal(1250.5m, claim.TotalCharge);
        Assert.Null(claim.PaidAmount);
        Assert.Equal(
            [("D1120", "1", 85m, "P1"), ("D2150", "2", 1165.5m, "P3")],
            claim.Lines.Select(l => (l.ProcedureCode, l.LineControlNumber, l.Charge, Assert.Single(l.Statuses).Category)));
        Assert.Equal(new DateOnly(2026, 3, 9), claim.Lines[1].ServiceDate);
    }

    [Theory]
    [InlineData("STC*F2:88*20260401**468*0", ClaimStatusOutcome.Finalized, true)]
    [InlineData("STC*A4:35*20260401", ClaimStatusOutcome.NotFound, false)]
    [InlineData("STC*A7:21*20260401", ClaimStatusOutcome.Rejected, false)]
    [InlineData("STC*E1:484*20260401", ClaimStatusOutcome.Unknown, false)]
    [InlineData("STC*A2:20*20260401", ClaimStatusOutcome.Accepted, false)]
    [InlineData("STC*P1:20*20260401", ClaimStatusOutcome.Pending, false)]
    public void Read_CategoryCode_MapsToOutcome(string stc, ClaimStatusOutcome outcome, bool denied)
    {
        var claim = Assert.Single(Read(Finalized.Replace("STC*F1:65*20260401**468*311.4*20260320*ACH*20260320*EFT20260320001", stc,
            StringComparison.Ordinal)).Claims);

        Assert.Equal((outcome, denied), (claim.Outcome, claim.Denied));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not x12 at all")]
    [InlineData("ISA*00*          *00*")]
    public void Read_Garbage_ReturnsProblemsInsteadOfThrowing(string text)
    {
        var report = Read(text);

        Assert.False(report.Succeeded);
        Assert.Empty(report.Claims);
        Assert.NotEmpty(report.Problems);
    }

    [Fact]
    public void Read_Truncated277_ReportsMissingTrailer()
    {
        var truncated = Finalized[..Finalized.IndexOf("REF*1K", StringComparison.Ordinal)];

        var report = Read(truncated);

        Assert.Empty(report.Claims);
        Assert.Contains(report.Problems, p => p.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BadAmountAndDate_KeepsTheStatusAndNamesTheProblems()
    {
        var report = Read(Finalized.Replace("STC*F1:65*20260401**468*311.4", "STC*F1:65*2026041**468*3X1", StringComparison.Ordinal));

        var claim = Assert.Single(report.Claims);
        Assert.Equal(ClaimStatusOutcome.Finalized, claim.Outcome);
        Assert.Null(claim.PaidAmount);
        Assert.Null(claim.Current!.EffectiveDate);
        Assert.Contains(claim.Problems, p => p.StartsWith("STC05", StringComparison.Ordinal));
        Assert.Contains(claim.Problems, p => p.StartsWith("STC02", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ClaimWithoutStc_HasNoOutcomeAndSaysSo()
    {
        var report = Read(Finalized.Replace("STC*F1:65*20260401**468*311.4*20260320*ACH*20260320*EFT20260320001~\n", "",
            StringComparison.Ordinal).Replace("SE*15*", "SE*14*", StringComparison.Ordinal));

        var claim = Assert.Single(report.Claims);
        Assert.Equal(ClaimStatusOutcome.Unknown, claim.Outcome);
        Assert.Contains(claim.Problems, p => p.Contains("no usable STC", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Rejecting999_IsNamedAsAcknowledgement()
    {
        var report = Read(Sample("999-rejected.x12"));

        Assert.Empty(report.Claims);
        Assert.Equal("999", report.AcknowledgementType);
        Assert.Contains("transaction status R", report.Acknowledgement, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Ta1_IsNamedAsAcknowledgement()
    {
        var report = Read(Sample("TA1-accepted.x12"));

        Assert.Equal("TA1", report.AcknowledgementType);
        Assert.Contains("acknowledgement code A", report.Acknowledgement, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_277CA_IsNotTakenForAClaimStatusResponse()
    {
        var report = Read(Sample("277CA-claim-acknowledgment.x12"));

        Assert.Empty(report.Claims);
        Assert.Contains(report.Problems, p => p.Contains("005010X214", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DependentSample_PassesOwnValidator()
    {
        var report = new DentalClaimsHub.X12.Validation.X12Validator(Samples.Schemas).Validate(DependentWithLines);

        var errors = report.Findings.Where(f => f.IsError).Select(f => f.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
