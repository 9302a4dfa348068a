using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Estimates;
using DentalClaimsHub.Api.Tests.Eligibility.X12;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Estimates;

/// <summary>An estimate priced from an eligibility check the practice already has: that check's benefits, no new 270.</summary>
public sealed class EstimateFromEligibilityCheckTests(X12PayersFactory factory) : IClassFixture<X12PayersFactory>
{
    [Fact]
    public async Task Create_FromCompletedX12Check_SplitsEachLineByThatChecksDeductibleAndCoInsurance()
    {
        var member = Member("XEFC");
        factory.Simulator.UseForMemberPrefix("XEFC", CoreRealtimeModule.EligibilityActive);
        var practice = await factory.CreatePracticeAsync();
        var (_, check) = await PostAsync(practice.Client, Request(member));
        Assert.Equal("completed", check.Status);

        var response = await practice.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            EligibilityCheckId = check.Id,
            Procedures =
            [
                new PlannedProcedureRequest { Code = "D1110", Fee = 120m },
                new PlannedProcedureRequest { Code = "D2740", Tooth = "3", Fee = 1200m },
            ],
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var estimate = (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
        Assert.Equal((check.Id, check.CoverageId), (estimate.EligibilityCheckId, estimate.CoverageId));
        // The simulator's active plan: preventive at 0% co-insurance, no deductible; crowns at 50% after the $25 of
        // deductible left: (1200 − 25) × 50% = 587.50 paid, 25 + 587.50 = 612.50 the patient's.
        Assert.Equal([120m, 587.5m], estimate.Lines.Select(l => l.PayerPortion.Amount!.Value));
        Assert.Equal([0m, 612.5m], estimate.Lines.Select(l => l.PatientPortion.Amount!.Value));
        var crown = estimate.Lines[1];
        Assert.Contains(crown.Reasons, r => r.Kind == "deductible" && r.Amount!.Amount == 25m);
        Assert.Contains(crown.Reasons, r => r.Kind == "coInsurance" && r.Note == "50%");
        Assert.Equal((1320m, 707.5m, 612.5m),
            (estimate.Totals.Fee.Amount, estimate.Totals.PayerPortion.Amount, estimate.Totals.PatientPortion.Amount));
        // Priced from the stored check: the payer was asked once, for the eligibility check itself.
        Assert.Single(Received(factory.Simulator, member));
    }

    [Fact]
    public async Task Create_CrownUnderAWaitingPeriod_PayerPaysNothingAndSaysWhy()
    {
        factory.Simulator.UseForMemberPrefix("XEFW", CoreRealtimeModule.EligibilityWaitingPeriod);
        var practice = await factory.CreatePracticeAsync();
        var (_, check) = await PostAsync(practice.Client, Request(Member("XEFW")));
        Assert.Equal("completed", check.Status);

        var response = await practice.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            EligibilityCheckId = check.Id,
            Procedures =
            [
                new PlannedProcedureRequest { Code = "D2391", Tooth = "30", Surfaces = "O", Fee = 200m },
                new PlannedProcedureRequest { Code = "D2740", Tooth = "3", Fee = 1200m },
            ],
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var estimate = (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
        // Restorative is covered now: (200 − 50 deductible) × 80% = 120. The crown waits for next plan year.
        Assert.Equal([120m, 0m], estimate.Lines.Select(l => l.PayerPortion.Amount!.Value));
        Assert.Equal([80m, 1200m], estimate.Lines.Select(l => l.PatientPortion.Amount!.Value));
        var reason = Assert.Single(estimate.Lines[1].Reasons);
        Assert.Equal(("waitingPeriod", "Benefit begin: " + check.Result!.PlanBegin!.Value.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + "; 12 MONTH WAITING PERIOD ON MAJOR SERVICES"), (reason.Kind, reason.Note));
    }

    [Fact]
    public async Task Create_CheckOfAnotherPractice_Returns404()
    {
        var owner = await factory.CreatePracticeAsync();
        var other = await factory.CreatePracticeAsync();
        var (_, check) = await PostAsync(owner.Client, Request(Member("XEFO")));

        var response = await other.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            EligibilityCheckId = check.Id, Procedures = [new PlannedProcedureRequest { Code = "D1110", Fee = 120m }],
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
