using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;

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
        AssertRefG3InLoop2300(pcn, plan.ReferenceNumber!);
    }

    [Fact]
    public async Task Submit_ClaimCitingAPlanTheX12PayerPricedIn835_The837CarriesThePayersClaimNumberAsRefG3()
    {
        var practice = await factory.CreatePracticeAsync("Priced Plan Dental");
        var planPcn = "PB-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var plan = await PlanAsync(practice, "demo-x12-dental", planPcn);
        await ClaimSubmissions.WaitForAsync(practice.Client, plan.RequestClaimId!.Value, "submitted");
        var planClm = factory.Simulator.CoreBatch.Submissions.Single(s => s.Payload.Contains($"CLM*{planPcn}*", StringComparison.Ordinal)).Payload
            .Split('~').Single(s => s.TrimStart().StartsWith($"CLM*{planPcn}*", StringComparison.Ordinal));
        Assert.EndsWith("*PB", planClm, StringComparison.Ordinal);

        // The payer prices the plan: the simulator's 835 for it, as a predetermination (CLP02 25) instead of a payment.
        using var http = new HttpClient();
        var remit = await http.PostAsJsonAsync(factory.Simulator.Url + PayerRemittances.Path, new { clm01 = new[] { planPcn }, reverse = false });
        var x835 = (await remit.Content.ReadAsStringAsync()).Replace($"CLP*{planPcn}*1*", $"CLP*{planPcn}*25*", StringComparison.Ordinal);
        Assert.Contains($"CLP*{planPcn}*25*", x835, StringComparison.Ordinal);
        using var insurer = await factory.CreateInsurerClientAsync("demo-x12-dental");
        var pushed = await insurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(x835, Encoding.UTF8, "application/edi-x12"));
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
        var decided = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        Assert.Equal("approved", decided.Status);
        Assert.StartsWith("SIMP", decided.ReferenceNumber, StringComparison.Ordinal);
        // Without OA-101 adjustments the priced amount is what the 835 line pays: 80% allowed less 20% coinsurance.
        Assert.Equal([118.4m, 153.6m], decided.Lines.Select(l => l.ApprovedAmount!.Amount));

        var pcn = "G3X-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var created = await ClaimSubmissions.SubmitAsync(practice, pcn, predeterminationNumber: decided.ReferenceNumber);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");

        AssertRefG3InLoop2300(pcn, decided.ReferenceNumber!);
    }

    // 005010X224A2 2300 REF*G3: after CLM, before the first service line (LX), once.
    private void AssertRefG3InLoop2300(string pcn, string reference)
    {
        var sent = Assert.Single(factory.Simulator.CoreBatch.Submissions, s => s.Payload.Contains($"CLM*{pcn}*", StringComparison.Ordinal));
        var segments = sent.Payload.Split('~', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clm = Array.FindIndex(segments, s => s.StartsWith($"CLM*{pcn}*", StringComparison.Ordinal));
        var firstLine = Array.FindIndex(segments, clm, s => s.StartsWith("LX*", StringComparison.Ordinal));
        var g3 = Assert.Single(segments.Select((s, i) => (s, i)), x => x.s.StartsWith("REF*G3*", StringComparison.Ordinal));
        Assert.Equal($"REF*G3*{reference}", g3.s);
        Assert.InRange(g3.i, clm + 1, firstLine - 1);
        Assert.DoesNotContain(segments, s => s.StartsWith("REF*G1*", StringComparison.Ordinal));
    }

    // A predetermination the FHIR payer decides on the spot (outcome complete with a PD reference).
    private static async Task<PreAuthorizationResponse> DecidedPlanAsync(TestPractice practice)
    {
        var plan = await PlanAsync(practice, "demo-fhir-dental");
        for (var i = 0; i < 300 && plan.Status != "approved"; i++)
        {
            await Task.Delay(100);
            plan = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        }

        Assert.Equal("approved", plan.Status);
        Assert.StartsWith("PD", plan.ReferenceNumber, StringComparison.Ordinal);
        return plan;
    }

    // The two-line treatment plan (D2392 185 + D4341 240) through POST /v1/preauthorizations.
    private static async Task<PreAuthorizationResponse> PlanAsync(TestPractice practice, string payerId, string? controlNumber = null)
    {
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewCoverageRequest(payerId)))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 425m, Diagnoses = ["K02.52"], PatientControlNumber = controlNumber,
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
        return (await response.Content.ReadFromJsonAsync<PreAuthorizationResponse>())!;
    }
}
