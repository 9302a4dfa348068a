using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing.Snapshots;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Eligibility;

public sealed class FhirEligibilityResponseReaderTests
{
    public static TheoryData<string> Responses =>
    [
        "coverage-eligibility-response-full", "coverage-eligibility-response-inactive", "coverage-eligibility-response-not-found",
        "coverage-eligibility-response-malformed", "operation-outcome-unavailable",
    ];

    private static FhirEligibilityReport Read(string name) =>
        new FhirEligibilityResponseReader(Time()).Read(File.ReadAllText(Samples.Fhir(name + ".json")));

    [Theory]
    [MemberData(nameof(Responses))]
    public Task Read_Sample_MatchesSnapshot(string name) =>
        Snapshot.Verify(CanonicalJson.Render(Read(name)), "json", name, scrub: false);

    [Fact]
    public void Read_Full_MapsInforcePlanAndMoneyBenefits()
    {
        var report = Read("coverage-eligibility-response-full");
        var result = report.Result!;

        Assert.Equal(CoverageStatus.Active, result.Status);
        Assert.Equal("DENTAL PPO PLUS", result.PlanName);
        Assert.Equal("Demo FHIR Dental", result.PayerName);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (result.PlanBegin, result.PlanEnd));
        Assert.Equal(1180.5m, result.RemainingMaximum()?.Amount);
        Assert.Equal(20m, result.CoInsurancePercent(BenefitCategory.Restorative));
        Assert.Equal(40m, result.CoInsurancePercent(BenefitCategory.Restorative, BenefitNetwork.OutOfNetwork));
        Assert.Equal(50m, result.CoInsurancePercent(BenefitCategory.Orthodontics));
        var family = Assert.Single(result.Find(BenefitKind.Deductible), b => b.CoverageLevel == CoverageLevel.Family);
        Assert.Equal((150m, 125m), (family.Amount?.Amount, family.Remaining?.Amount));
        var ortho = Assert.Single(result.Find(BenefitKind.Maximum, BenefitCategory.Orthodontics));
        Assert.Equal(BenefitPeriod.Lifetime, ortho.Period);
        Assert.True(Assert.Single(result.Find(BenefitKind.CoInsurance, BenefitCategory.Crowns)).AuthorizationRequired);
    }

    [Fact]
    public void Read_Full_MapsVisitsExclusionsAndReportsUnknownContent()
    {
        var report = Read("coverage-eligibility-response-full");
        var result = report.Result!;

        var visits = result.Find(BenefitKind.Frequency).ToList();
        Assert.Equal([2m, 1m], visits.Select(v => v.Quantity));
        Assert.All(visits, v => Assert.Equal("D1110", Assert.Single(v.ProcedureCodes).Code));
        Assert.Equal(BenefitPeriod.Remaining, visits[1].Period);
        var excluded = Assert.Single(result.Find(BenefitKind.Exclusion));
        Assert.Equal(BenefitCategory.MaxillofacialProsthetics, excluded.Category);
        Assert.Contains(report.Issues, i => i.Contains("payerTrackingCode", StringComparison.Ordinal));
        Assert.Contains("Benefit type 'room' is not mapped; skipped.", report.Issues);
    }

    [Fact]
    public void Read_Inactive_StatusInactive()
    {
        var result = Read("coverage-eligibility-response-inactive").Result!;

        Assert.Equal(CoverageStatus.Inactive, result.Status);
        Assert.Empty(result.Benefits);
    }

    [Fact]
    public void Read_ErrorSubscriberNotFound_RejectionAndNotFound()
    {
        var result = Read("coverage-eligibility-response-not-found").Result!;

        Assert.Equal(CoverageStatus.NotFound, result.Status);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("75", "Subscriber/Insured Not Found"), (rejection.ReasonCode, rejection.Description));
    }

    [Theory]
    [InlineData("coverage-eligibility-response-malformed")]
    [InlineData("operation-outcome-unavailable")]
    public void Read_NotAResponse_FailsWithReport(string name)
    {
        var report = Read(name);

        Assert.False(report.Succeeded);
        Assert.NotEmpty(report.Issues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"resourceType\":\"Nonsense\"}")]
    [InlineData("{\"resourceType\":\"CoverageEligibilityResponse\",\"insurance\":{\"inforce\":\"yes\"}}")]
    public void Read_Garbage_NeverThrows(string json)
    {
        var report = new FhirEligibilityResponseReader(Time()).Read(json);

        Assert.NotEmpty(report.Issues);
    }

    [Fact]
    public void Read_ResponseInsideBundle_ReadsTheResponseEntry()
    {
        var response = File.ReadAllText(Samples.Fhir("coverage-eligibility-response-inactive.json"));
        var bundle = $$"""{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:5b0c","resource":{{response}}}]}""";

        var report = new FhirEligibilityResponseReader(Time()).Read(bundle);

        Assert.Equal(CoverageStatus.Inactive, report.Result?.Status);
        Assert.Equal(new DateOnly(2025, 12, 31), report.Result?.PlanEnd);
    }
}
