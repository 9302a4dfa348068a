using System.Net;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Eligibility.X12;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// X12 eligibility end to end: POST /v1/eligibility → 270 over CAQH CORE (real HTTP) → simulated payer → 271 → canonical
/// result stored in PostgreSQL. Failure scenarios and resilience live in the partial files under <c>X12/</c>.
/// </summary>
public sealed partial class X12EligibilityTests(X12PayersFactory factory) : IClassFixture<X12PayersFactory>
{
    private PayerSimulator.PayerSimulator Simulator => factory.Simulator;

    private async Task<EligibilityResponse> CheckAsync(string scenario, string prefix, string payerId = DemoPayer)
    {
        var member = Member(prefix);
        Simulator.UseForMemberPrefix(prefix, scenario);
        var practice = await factory.CreatePracticeAsync();
        var (response, check) = await PostAsync(practice.Client, Request(member, payerId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return check;
    }

    [Fact]
    public async Task Check_ActiveMember_AnswersTheFullDentalBreakdown()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityActive, "XACT");

        Assert.Equal("completed", check.Status);
        var result = check.Result!;
        Assert.Equal(("active", "DEMO DENTAL MUTUAL", "DENTAL PPO"), (result.CoverageStatus, result.PayerName, result.PlanName));
        Assert.Equal((1, 1), (result.PlanBegin!.Value.Month, result.PlanBegin.Value.Day));
        Assert.Equal(result.PlanBegin.Value.AddYears(1).AddDays(-1), result.PlanEnd);
        var lines = result.Benefits;
        Assert.Contains(lines, b => b is { Kind: "deductible", Period: "calendarYear", Network: "inNetwork", Amount.Amount: 50m });
        Assert.Contains(lines, b => b is { Kind: "deductible", Period: "remaining", Remaining.Amount: 25m });
        Assert.Contains(lines, b => b is { Kind: "deductible", Category: "preventive", Amount.Amount: 0m }
            && b.Note == "DEDUCTIBLE WAIVED FOR DIAGNOSTIC AND PREVENTIVE");
        Assert.Contains(lines, b => b is { Kind: "maximum", Period: "calendarYear", Amount.Amount: 1500m, Amount.Currency: "USD" });
        Assert.Contains(lines, b => b is { Kind: "maximum", Period: "remaining", Remaining.Amount: 1180.5m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "preventive", Percent: 0m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "restorative", Network: "inNetwork", Percent: 20m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "endodontics", Network: "outOfNetwork", Percent: 40m });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "crowns", Percent: 50m, AuthorizationRequired: true });
        Assert.Contains(lines, b => b is { Kind: "coInsurance", Category: "restorative", Percent: 20m, AuthorizationRequired: null });
        Assert.Contains(lines, b => b is { Kind: "coPay", Period: "visit", Amount.Amount: 15m });
        Assert.Contains(lines, b => b is { Kind: "exclusion", Note: "COSMETIC SERVICES EXCLUDED" });
    }

    [Fact]
    public async Task Check_ActiveMember_ReadsHsdFrequenciesWithTheirProcedureCodes()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityActive, "XHSD");

        var lines = check.Result!.Benefits;
        // "1 per 6 months" and "1 per 5 years": the period's count reaches the client, not only its unit.
        Assert.Contains(lines, b => b is { Kind: "frequency", Quantity: 1m, Period: "month", PeriodCount: 6, Category: "preventive" }
            && b.ProcedureCodes.SequenceEqual(["D1110"]));
        Assert.Contains(lines, b => b is { Kind: "frequency", Quantity: 1m, Period: "years", PeriodCount: 5, Note: "PER TOOTH" }
            && b.ProcedureCodes.SequenceEqual(["D2740"]));
    }

    [Fact]
    public async Task Check_PayerSendsThePlansShare_CoInsuranceIsTurnedIntoThePatientsShare()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityActive, "XPLN", payerId: "test-x12-plan-share");

        Assert.Contains(check.Result!.Benefits,
            b => b is { Kind: "coInsurance", Category: "restorative", Network: "inNetwork", Percent: 80m });
        Assert.Contains(check.Result.Benefits, b => b is { Kind: "coInsurance", Category: "preventive", Percent: 100m });
    }

    [Fact]
    public async Task Check_InactiveMember_AnswersInactive()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityInactive, "XINA");

        Assert.Equal("inactive", check.Result!.CoverageStatus);
        Assert.Contains(check.Result.Benefits, b => b is { Kind: "inactiveCoverage", Category: "dentalCare" });
    }

    [Fact]
    public async Task Check_MemberNotFound_AnswersNotFoundWithTheRejectionAndItsFollowUp()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityMemberNotFound, "XNFD");

        Assert.Equal("completed", check.Status);
        Assert.Equal("notfound", check.Result!.CoverageStatus);
        Assert.Empty(check.Result.Benefits);
        var rejection = Assert.Single(check.Result.Rejections);
        Assert.Equal(("75", "C"), (rejection.ReasonCode, rejection.FollowUpAction));
        Assert.Contains("Subscriber/insured not found (please correct and resubmit)", rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PayerUnableToRespond_AnswersUnknownWithAaa42AndResubmissionAllowed()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityPayerUnable, "XU42");

        Assert.Equal(("completed", "unknown"), (check.Status, check.Result!.CoverageStatus));
        var rejection = Assert.Single(check.Result.Rejections);
        Assert.Equal(("42", "R"), (rejection.ReasonCode, rejection.FollowUpAction));
        Assert.Equal("Unable to respond at current time (resubmission allowed) [loop 2100A]", rejection.Description);
    }

    [Fact]
    public async Task Check_DeductibleMet_RemainingDeductibleIsZeroWithThePayersNote()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityDeductibleMet, "XDED");

        var lines = check.Result!.Benefits;
        Assert.Contains(lines,
            b => b is { Kind: "deductible", Period: "remaining", Remaining.Amount: 0m, Note: "INDIVIDUAL DEDUCTIBLE MET" });
        Assert.Contains(lines, b => b is { Kind: "maximum", Period: "remaining", Remaining.Amount: 640m });
    }

    [Fact]
    public async Task Check_FrequencyExhausted_NoVisitsLeftForProphylaxisWithTheNextEligibleDate()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityFrequencyExhausted, "XFRQ");

        var used = Assert.Single(check.Result!.Benefits, b => b is { Kind: "frequency", Period: "remaining" });
        Assert.Equal((0m, "visits", "D1110"), (used.Quantity, used.QuantityUnit, Assert.Single(used.ProcedureCodes)));
        Assert.StartsWith("Latest visit or consultation: ", used.Note, StringComparison.Ordinal);
        Assert.Contains("; FREQUENCY MET; NEXT ELIGIBLE ", used.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WaitingPeriod_CrownsAndProsthodonticsCoveredFromNextPlanYear()
    {
        var check = await CheckAsync(CoreRealtimeModule.EligibilityWaitingPeriod, "XWTP");

        Assert.Equal("active", check.Result!.CoverageStatus);
        var waiting = check.Result.Benefits.Where(b => b.Kind == "waitingPeriod").ToList();
        Assert.Equal(["crowns", "prosthodontics"], waiting.Select(w => w.Category));
        var nextYear = check.Result.PlanBegin!.Value.AddYears(1);
        Assert.All(waiting, w => Assert.Equal(nextYear, w.CoveredFrom));
        Assert.All(waiting, w => Assert.EndsWith("12 MONTH WAITING PERIOD ON MAJOR SERVICES", w.Note, StringComparison.Ordinal));
    }
}
