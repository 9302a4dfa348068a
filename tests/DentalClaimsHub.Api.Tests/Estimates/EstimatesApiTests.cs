using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Estimates;
using DentalClaimsHub.Api.FeeSchedules;
using DentalClaimsHub.Api.Tests.Eligibility.X12;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing.Snapshots;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Estimates;

/// <summary>Estimates end to end: real PostgreSQL, and for US plans the X12 payer simulator over real HTTP.</summary>
public sealed class EstimatesApiTests(X12PayersFactory factory) : IClassFixture<X12PayersFactory>
{
    private static readonly DateOnly DmsVisit = new(2026, 6, 15);

    [Fact]
    public async Task Create_DmsPolicy_FranchiseGoesToThePatientInRoubles()
    {
        var practice = await factory.CreatePracticeAsync();

        var response = await practice.Client.PostAsJsonAsync("/v1/estimates", DmsRequest(
            new PlannedProcedureRequest { Code = "A16.07.002", Tooth = "36", Surfaces = "MO", Fee = 4500m },
            new PlannedProcedureRequest { Code = "B01.065.001", Fee = 1200m }));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var estimate = (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
        Assert.Equal(response.Headers.Location!.ToString(), $"/v1/estimates/{estimate.Id}");
        Assert.Equal("RUB", estimate.Currency);
        Assert.Equal([4050m, 1080m], estimate.Lines.Select(l => l.PayerPortion.Amount!.Value));
        Assert.Equal([450m, 120m], estimate.Lines.Select(l => l.PatientPortion.Amount!.Value));
        Assert.Equal(("36", "MO"), (estimate.Lines[0].Tooth, estimate.Lines[0].Surfaces));
        Assert.All(estimate.Lines, l => Assert.Contains(l.Reasons, r => r.Kind == "franchise" && r.Note == "10%"));
        Assert.Equal((5700m, 5130m, 570m), (estimate.Totals.Fee.Amount, estimate.Totals.PayerPortion.Amount, estimate.Totals.PatientPortion.Amount));
        Assert.NotNull(estimate.EligibilityCheckId);

        var again = await practice.Client.GetFromJsonAsync<EstimateResponse>($"/v1/estimates/{estimate.Id}");
        Assert.Equal(estimate.Totals, again!.Totals);
    }

    [Fact]
    public async Task Create_ProgramWithoutDentistry_PatientPaysEverythingAndSaysWhy()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = DmsRequest(new PlannedProcedureRequest { Code = "A16.07.002", Fee = 4500m }) with
        {
            Coverage = TestData.NewDmsCoverageRequest("Программа без стоматологии"),
        };

        var estimate = await CreatedAsync(practice.Client, request);

        var line = Assert.Single(estimate.Lines);
        Assert.Equal((0m, 4500m), (line.PayerPortion.Amount, line.PatientPortion.Amount));
        Assert.Contains(line.Reasons, r => r.Kind == "notCovered");
    }

    [Fact]
    public async Task Create_FeesFromThePracticeSchedule_MissingFeeIsKeyedToTheLine()
    {
        var practice = await factory.CreatePracticeAsync();
        var schedule = await practice.Client.PostAsJsonAsync("/v1/fee-schedules", new FeeScheduleRequest
        {
            Name = "Прайс 2026", Currency = "RUB", EffectiveFrom = new DateOnly(2026, 1, 1),
            Fees = [new FeeRequest { Code = "A16.07.002", Amount = 5000m }],
        });
        Assert.Equal(HttpStatusCode.Created, schedule.StatusCode);

        var priced = await CreatedAsync(practice.Client, DmsRequest(new PlannedProcedureRequest { Code = "A16.07.002" }));
        var missing = await practice.Client.PostAsJsonAsync("/v1/estimates", DmsRequest(
            new PlannedProcedureRequest { Code = "A16.07.002" }, new PlannedProcedureRequest { Code = "B01.065.001" }));

        Assert.Equal(5000m, priced.Lines[0].Fee.Amount);
        await ProblemAssert.HasFieldErrorsAsync(missing, "$.procedures[1].fee");
    }

    [Fact]
    public async Task Create_UsPlanThroughTheX12Payer_AppliesTheStatedBenefitsAndAllowedAmounts()
    {
        var practice = await factory.CreatePracticeAsync();
        var allowed = await practice.Client.PostAsJsonAsync("/v1/fee-schedules", new FeeScheduleRequest
        {
            Name = "Demo Dental Mutual PPO", Currency = "USD", PayerId = DemoPayer, EffectiveFrom = new DateOnly(2026, 1, 1),
            Fees = [new FeeRequest { Code = "D2740", Amount = 900m }],
        });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var member = Member("XEST");
        factory.Simulator.UseForMemberPrefix("XEST", CoreRealtimeModule.EligibilityActive);
        var eligibility = Request(member);

        var estimate = await CreatedAsync(practice.Client, new EstimateRequest
        {
            Patient = eligibility.Patient, Coverage = eligibility.Coverage, Provider = eligibility.Provider, DateOfService = eligibility.DateOfService,
            Procedures =
            [
                new PlannedProcedureRequest { Code = "D1110", Fee = 120m },
                new PlannedProcedureRequest { Code = "D2740", Tooth = "3", Fee = 1200m },
            ],
        });

        Assert.Equal("USD", estimate.Currency);
        var crown = estimate.Lines[1];
        Assert.Equal(300m, crown.WriteOff.Amount);
        Assert.Contains(crown.Reasons, r => r.Kind == "networkDiscount" && r.Amount!.Amount == 300m);
        Assert.Contains(crown.Reasons, r => r.Kind == "coInsurance");
        Assert.All(estimate.Lines, l => Assert.Equal(l.Fee.Amount, l.PayerPortion.Amount + l.PatientPortion.Amount + l.WriteOff.Amount));
        Assert.Equal(estimate.Totals.PatientPortion.Amount, estimate.Lines.Sum(l => l.PatientPortion.Amount));
        await Snapshot.VerifyJson(estimate);
    }

    [Fact]
    public async Task Create_PayerDown_Returns503WithRetryAfterAndStoresNothing()
    {
        var practice = await factory.CreatePracticeAsync();
        factory.Simulator.UseForMemberPrefix("XE500", CoreRealtimeModule.EligibilityServerError);
        var eligibility = Request(Member("XE500"), "test-x12-down"); // its own circuit: the demo payer's stays closed

        var response = await practice.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            Patient = eligibility.Patient, Coverage = eligibility.Coverage, Provider = eligibility.Provider, DateOfService = eligibility.DateOfService,
            Procedures = [new PlannedProcedureRequest { Code = "D1110", Fee = 120m }],
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Create_BadLines_Returns400KeyedPerLine()
    {
        var practice = await factory.CreatePracticeAsync();

        var response = await practice.Client.PostAsJsonAsync("/v1/estimates", DmsRequest(
            new PlannedProcedureRequest { Code = "D0120", Fee = 10m },
            new PlannedProcedureRequest { Code = "A16.07.002", Tooth = "99", Surfaces = "XZ", Fee = -1m }));

        await ProblemAssert.HasFieldErrorsAsync(response,
            "$.procedures[0].code", "$.procedures[1].tooth", "$.procedures[1].surfaces", "$.procedures[1].fee");
    }

    private static EstimateRequest DmsRequest(params PlannedProcedureRequest[] procedures) => new()
    {
        Patient = TestData.NewPatientRequest(),
        Coverage = TestData.NewDmsCoverageRequest(),
        DateOfService = DmsVisit,
        Procedures = procedures,
    };

    private static async Task<EstimateResponse> CreatedAsync(HttpClient client, EstimateRequest request)
    {
        var response = await client.PostAsJsonAsync("/v1/estimates", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
    }
}
