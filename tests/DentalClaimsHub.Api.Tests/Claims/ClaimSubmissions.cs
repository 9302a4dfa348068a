using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>A patient, a coverage and a two-line claim (D2392 185 + D4341 240) through the API, and waiting on its status.</summary>
internal static class ClaimSubmissions
{
    public static async Task<ClaimResponse> SubmitAsync(TestPractice practice, string? controlNumber = null, string payerId = "demo-x12-dental",
        string? memberId = null, string? predeterminationNumber = null)
    {
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewCoverageRequest(payerId) with { MemberId = memberId ?? TestData.MemberId }))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 425m, PatientControlNumber = controlNumber, Diagnoses = ["K02.52"],
                PredeterminationNumber = predeterminationNumber,
                Lines =
                [
                    new ClaimLineRequest
                    {
                        Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, DiagnosisPointers = [1],
                        ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
                    },
                    new ClaimLineRequest { Code = "D4341", Area = "30", Fee = 240m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2) },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>())!;
    }

    public static async Task<ClaimResponse> WaitForAsync(HttpClient client, Guid id, string status)
    {
        ClaimResponse? claim = null;
        for (var i = 0; i < 150; i++)
        {
            claim = await client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{id}");
            if (claim!.Status == status)
            {
                return claim;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Claim {id} stayed {claim?.Status}; expected {status}. Timeline: {string.Join(" > ", claim?.Timeline.Select(t => $"{t.To} {t.Reason}") ?? [])}");
        return claim!;
    }
}
