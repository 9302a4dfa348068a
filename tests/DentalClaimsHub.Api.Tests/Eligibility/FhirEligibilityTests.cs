using System.Net;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Eligibility.Fhir;
using DentalClaimsHub.PayerSimulator.Fhir;
using static DentalClaimsHub.Api.Tests.Eligibility.Fhir.FhirChecks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// FHIR eligibility end to end: POST /v1/eligibility → CoverageEligibilityRequest (real HTTP, FhirClient) → simulated
/// payer → CoverageEligibilityResponse → canonical result stored in PostgreSQL. Failures live in <c>Fhir/</c>.
/// </summary>
public sealed partial class FhirEligibilityTests(FhirPayersFactory factory) : IClassFixture<FhirPayersFactory>
{
    private PayerSimulator.PayerSimulator Simulator => factory.Simulator;

    private async Task<(EligibilityResponse Check, string Member)> CheckAsync(
        string scenario, string prefix, string payerId = DemoPayer, params string[] procedureCodes)
    {
        var member = Member(prefix);
        Simulator.UseForMemberPrefix(prefix, scenario);
        var practice = await factory.CreatePracticeAsync();
        var (response, check) = await PostAsync(practice.Client, Request(member, payerId, procedureCodes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (check, member);
    }

    [Fact]
    public async Task Check_ActiveMember_AnswersTheDentalBreakdownWithAmountsAndRemaining()
    {
        var (check, _) = await CheckAsync(FhirModule.EligibilityActive, "FACT");

        Assert.Equal("completed", check.Status);
        var result = check.Result!;
        Assert.Equal("active", result.CoverageStatus);
        Assert.Equal((1, 1, 12, 31), (result.PlanBegin!.Value.Month, result.PlanBegin.Value.Day, result.PlanEnd!.Value.Month,
            result.PlanEnd.Value.Day));
        var lines = result.Benefits;
        Assert.Contains(lines, b => b is { Kind: "maximum", Category: "dentalCare", Network: "inNetwork",
            CoverageLevel: "individual", Period: "calendarYear", Amount.Amount: 1500m, Amount.Currency: "USD", Remaining.Amount: 1180.5m });
        Assert.Contains(lines, b => b is { Kind: "deductible", Amount.Amount: 50m, Remaining.Amount: 25m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "preventive", Percent: 0m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "restorative", Network: "inNetwork", Percent: 20m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "endodontics", Network: "outOfNetwork", Percent: 40m });
        Assert.Contains(lines, b => b is { Kind: "frequency", Period: "calendarYear", Quantity: 2m, QuantityUnit: "visits" }
            && b.ProcedureCodes.SequenceEqual(["D1110"]));
        Assert.Contains(lines, b => b is { Kind: "frequency", Period: "remaining", Quantity: 1m });
        Assert.Contains(lines, b => b is { Kind: "exclusion", Note: "Cosmetic services excluded" });
    }

    [Fact]
    public async Task Check_ProcedureCodes_SendsAValidCoverageEligibilityRequestWithTheCdtCodes()
    {
        var (check, member) = await CheckAsync(FhirModule.EligibilityActive, "FCDT", DemoPayer, "D2740", "D1110");

        var request = Assert.Single(Received(Simulator, member));
        Assert.Equal("CoverageEligibilityRequest", (string?)request["resourceType"]);
        Assert.Equal(["validation", "benefits"], request["purpose"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("2026-06-15", (string?)request["servicedDate"]);
        Assert.Equal(check.Id.ToString("N").ToUpperInvariant(), (string?)request["identifier"]![0]!["value"]);
        Assert.Equal(member, (string?)request["insurance"]![0]!["coverage"]!["identifier"]!["value"]);
        Assert.Equal(("http://hl7.org/fhir/sid/us-npi", ProviderNpi),
            ((string?)request["provider"]!["identifier"]!["system"], (string?)request["provider"]!["identifier"]!["value"]));
        var codings = request["item"]!.AsArray().Select(i => i!["productOrService"]!["coding"]![0]!).ToList();
        Assert.All(codings, c => Assert.Equal("http://www.ada.org/cdt", (string?)c["system"]));
        Assert.Equal(["D1110", "D2740"], codings.Select(c => (string?)c["code"]).Order());
        Assert.Contains(check.Result!.Benefits,
            b => b is { Kind: "coInsurance", Percent: 20m } && b.ProcedureCodes.SequenceEqual(["D2740"]));
    }

    [Fact]
    public async Task Check_InactiveMember_AnswersInactiveWithoutBenefits()
    {
        var (check, _) = await CheckAsync(FhirModule.EligibilityInactive, "FINA");

        Assert.Equal(("completed", "inactive"), (check.Status, check.Result!.CoverageStatus));
        Assert.Empty(check.Result.Benefits);
    }

    [Fact]
    public async Task Check_MemberNotFound_AnswersNotFoundWithTheRejection()
    {
        var (check, _) = await CheckAsync(FhirModule.EligibilityMemberNotFound, "FNFD");

        Assert.Equal(("completed", "notfound"), (check.Status, check.Result!.CoverageStatus));
        var rejection = Assert.Single(check.Result.Rejections);
        Assert.Equal(("75", "Subscriber/insured not found"), (rejection.ReasonCode, rejection.Description));
    }

    [Fact]
    public async Task Check_DeductibleMet_RemainingDeductibleIsZero()
    {
        var (check, _) = await CheckAsync(FhirModule.EligibilityDeductibleMet, "FDED");

        Assert.Contains(check.Result!.Benefits, b => b is { Kind: "deductible", Amount.Amount: 50m, Remaining.Amount: 0m });
        Assert.Contains(check.Result.Benefits, b => b is { Kind: "maximum", Remaining.Amount: 640m });
    }

    [Fact]
    public async Task Check_FrequencyExhausted_NoProphylaxisVisitsLeft()
    {
        var (check, _) = await CheckAsync(FhirModule.EligibilityFrequencyExhausted, "FFRQ");

        var left = Assert.Single(check.Result!.Benefits, b => b is { Kind: "frequency", Period: "remaining" });
        Assert.Equal((0m, "visits", "D1110"), (left.Quantity, left.QuantityUnit, Assert.Single(left.ProcedureCodes)));
    }

    [Fact]
    public async Task Check_SubmitOperationPayer_PostsACollectionBundleToSubmit()
    {
        var (check, member) = await CheckAsync(FhirModule.EligibilityActive, "FSUB", "test-fhir-submit", "D1110");

        Assert.Equal("active", check.Result!.CoverageStatus);
        Assert.Empty(Received(Simulator, member));
        var bundle = Assert.Single(Received(Simulator, member, FhirModule.EligibilitySubmitPath));
        Assert.Equal(("Bundle", "collection"), ((string?)bundle["resourceType"], (string?)bundle["type"]));
        Assert.Equal(["CoverageEligibilityRequest", "Patient", "Coverage", "Practitioner", "Organization"],
            bundle["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["resourceType"]));
    }
}
