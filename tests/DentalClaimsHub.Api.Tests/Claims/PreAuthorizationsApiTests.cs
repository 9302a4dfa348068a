using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>POST/GET /v1/preauthorizations against the real host and PostgreSQL.</summary>
public sealed class PreAuthorizationsApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private async Task<(TestPractice Practice, ClaimRequest Plan)> PlanAsync()
    {
        var practice = await factory.CreatePracticeAsync("Plans Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        return (practice, new ClaimRequest
        {
            PatientId = patient.Id,
            CoverageId = coverage!.Id,
            Total = 1450m,
            Lines =
            [
                new ClaimLineRequest { Code = "D2950", Tooth = "3", Fee = 250m },
                new ClaimLineRequest
                {
                    Code = "D2740", Tooth = "3", Fee = 1200m, Prosthesis = "initial",
                    ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
                },
            ],
        });
    }

    private static HttpRequestMessage Post(ClaimRequest body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return request;
    }

    [Fact]
    public async Task Submit_TreatmentPlanWithoutServiceDates_IsQueuedAsAPredeterminationClaim()
    {
        var (practice, plan) = await PlanAsync();

        var response = await practice.Client.SendAsync(Post(plan));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<PreAuthorizationResponse>())!;
        Assert.Equal(("predetermination", "draft", 1450m), (created.Kind, created.Status, created.TotalFee.Amount));
        Assert.Equal(["D2950", "D2740"], created.Lines.Select(l => l.Code));
        Assert.All(created.Lines, l => Assert.Equal("pending", l.Decision));
        var carrier = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.RequestClaimId}");
        Assert.Equal(("predetermination", "queued"), (carrier!.Purpose, carrier.Status));
        var read = await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{created.Id}");
        Assert.Equal(created.Lines, read!.Lines);
    }

    [Fact]
    public async Task Submit_SameKeyTwice_OnePlan()
    {
        var (practice, plan) = await PlanAsync();
        var key = Guid.NewGuid().ToString();

        var first = await (await practice.Client.SendAsync(Post(plan, key))).Content.ReadFromJsonAsync<PreAuthorizationResponse>();
        var again = await practice.Client.SendAsync(Post(plan, key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first!.Id, (await again.Content.ReadFromJsonAsync<PreAuthorizationResponse>())!.Id);
    }

    [Fact]
    public async Task Submit_InvalidPlan_ProblemNamesTheField()
    {
        var (practice, plan) = await PlanAsync();

        var response = await practice.Client.SendAsync(Post(plan with { Lines = [plan.Lines![0] with { Tooth = null }, plan.Lines[1]], }));

        await ProblemAssert.HasFieldErrorsAsync(response, "$.lines[0].tooth");
    }
}
