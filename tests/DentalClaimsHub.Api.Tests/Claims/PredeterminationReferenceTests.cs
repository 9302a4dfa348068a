using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>A decided treatment plan referenced by the claim that follows it: its reference number goes out as REF*G3 in loop 2300.</summary>
public sealed class PredeterminationReferenceTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    [Fact]
    public async Task Submit_ClaimCitingADecidedPredetermination_The837CarriesItsReferenceAsRefG3InLoop2300()
    {
        var practice = await factory.CreatePracticeAsync("Plan Then Claim Dental");
        var plan = await DecidedPlanAsync(practice);
        var pcn = "G3-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await ClaimSubmissions.SubmitAsync(practice, pcn, predeterminationNumber: plan.ReferenceNumber);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");

        Assert.Equal(plan.ReferenceNumber, created.PredeterminationNumber);
        var sent = Assert.Single(factory.Simulator.CoreBatch.Submissions, s => s.Payload.Contains($"CLM*{pcn}*", StringComparison.Ordinal));
        var segments = sent.Payload.Split('~', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clm = Array.FindIndex(segments, s => s.StartsWith($"CLM*{pcn}*", StringComparison.Ordinal));
        var firstLine = Array.FindIndex(segments, clm, s => s.StartsWith("LX*", StringComparison.Ordinal));
        var g3 = Assert.Single(segments.Select((s, i) => (s, i)), x => x.s.StartsWith("REF*G3*", StringComparison.Ordinal));
        Assert.Equal($"REF*G3*{plan.ReferenceNumber}", g3.s);
        Assert.InRange(g3.i, clm + 1, firstLine - 1);
        Assert.DoesNotContain(segments, s => s.StartsWith("REF*G1*", StringComparison.Ordinal));
    }

    // A predetermination the FHIR payer decides on the spot (outcome complete with a PD reference).
    private static async Task<PreAuthorizationResponse> DecidedPlanAsync(TestPractice practice)
    {
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewCoverageRequest("demo-fhir-dental")))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 425m, Diagnoses = ["K02.52"],
                Lines =
                [
                    new ClaimLineRequest { Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, DiagnosisPointers = [1] },
                    new ClaimLineRequest { Code = "D4341", Area = "30", Fee = 240m },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = (await response.Content.ReadFromJsonAsync<PreAuthorizationResponse>())!;
        for (var i = 0; i < 300 && plan.Status != "approved"; i++)
        {
            await Task.Delay(100);
            plan = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        }

        Assert.Equal("approved", plan.Status);
        Assert.StartsWith("PD", plan.ReferenceNumber, StringComparison.Ordinal);
        return plan;
    }
}
