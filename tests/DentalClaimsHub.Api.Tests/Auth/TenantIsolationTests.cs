using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Estimates;
using DentalClaimsHub.Api.FeeSchedules;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Auth;

/// <summary>A key of practice A reaches nothing of practice B, on every endpoint that takes an id.</summary>
public sealed class TenantIsolationTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    // Every templated /v1 route must appear here; the last test fails when an endpoint is added without its row.
    private static readonly (string Method, string Template)[] Matrix =
    [
        ("GET", "/v1/patients/{id}"),
        ("PUT", "/v1/patients/{id}"),
        ("DELETE", "/v1/patients/{id}"),
        ("GET", "/v1/patients/{patientId}/coverages"),
        ("POST", "/v1/patients/{patientId}/coverages"),
        ("GET", "/v1/patients/{patientId}/coverages/{id}"),
        ("PUT", "/v1/patients/{patientId}/coverages/{id}"),
        ("DELETE", "/v1/patients/{patientId}/coverages/{id}"),
        ("GET", "/v1/eligibility/{id}"),
        ("GET", "/v1/fee-schedules/{id}"),
        ("PUT", "/v1/fee-schedules/{id}"),
        ("DELETE", "/v1/fee-schedules/{id}"),
        ("GET", "/v1/estimates/{id}"),
        ("GET", "/v1/claims/{id}"),
        ("POST", "/v1/claims/{id}/replace"),
        ("POST", "/v1/claims/{id}/void"),
        ("GET", "/v1/preauthorizations/{id}"),
        ("POST", "/v1/claims/{id}/attachments"),
        ("GET", "/v1/claims/{id}/attachments/{controlNumber}"),
        ("GET", "/v1/messages/{id}"),
        ("GET", "/v1/claims/{id}/payments"),
        ("GET", "/v1/remittances/{id}"),
        ("GET", "/v1/webhooks/{id}"),
        ("DELETE", "/v1/webhooks/{id}"),
        ("GET", "/v1/webhooks/{id}/deliveries"),
        ("POST", "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver"),
        ("GET", "/v1/roster-imports/{id}"),
        ("GET", "/v1/dms/registries/{id}"),
        ("GET", "/v1/dms/registries/{id}/file"),
        ("GET", "/v1/dms/acts/{id}"),
        ("POST", "/v1/dms/acts/{id}/lines/{line}/dispute"),
        ("POST", "/v1/dms/acts/{id}/lines/{line}/accept"),
    ];

    [Fact]
    public async Task EveryIdEndpoint_KeyOfAnotherPractice_Returns404AndChangesNothing()
    {
        var owner = await factory.CreatePracticeAsync("Owner Dental");
        var intruder = await factory.CreatePracticeAsync("Intruder Dental");
        var patient = await (await owner.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverageResponse = await owner.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest());
        Assert.Equal(HttpStatusCode.Created, coverageResponse.StatusCode);
        var coverage = await coverageResponse.Content.ReadFromJsonAsync<CoverageResponse>();
        var dms = await (await owner.Client.PostAsJsonAsync($"/v1/patients/{patient.Id}/coverages", TestData.NewDmsCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var eligibility = await (await owner.Client.PostAsJsonAsync("/v1/eligibility",
                new EligibilityRequest { PatientId = patient.Id, CoverageId = dms!.Id, DateOfService = new DateOnly(2026, 6, 15) }))
            .Content.ReadFromJsonAsync<EligibilityResponse>();
        var schedule = await (await owner.Client.PostAsJsonAsync("/v1/fee-schedules", new FeeScheduleRequest
            {
                Name = "Usual", Currency = "RUB", EffectiveFrom = new DateOnly(2026, 1, 1), Fees = [new FeeRequest { Code = "A16.07.002", Amount = 10m }],
            }))
            .Content.ReadFromJsonAsync<FeeScheduleResponse>();
        var estimate = await (await owner.Client.PostAsJsonAsync("/v1/estimates",
                new EstimateRequest { EligibilityCheckId = eligibility!.Id, Procedures = [new PlannedProcedureRequest { Code = "A16.07.002" }] }))
            .Content.ReadFromJsonAsync<EstimateResponse>();
        var claimRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 240m,
                Lines = [new ClaimLineRequest { Code = "D4341", Area = "10", Fee = 240m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) }],
            }),
        };
        claimRequest.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var claimResponse = await owner.Client.SendAsync(claimRequest);
        Assert.True(claimResponse.StatusCode == HttpStatusCode.Created, await claimResponse.Content.ReadAsStringAsync());
        var claim = await claimResponse.Content.ReadFromJsonAsync<ClaimResponse>();
        var planRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 1200m,
                Lines = [new ClaimLineRequest { Code = "D2740", Tooth = "3", Prosthesis = "initial", Fee = 1200m }],
            }),
        };
        planRequest.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var planResponse = await owner.Client.SendAsync(planRequest);
        Assert.True(planResponse.StatusCode == HttpStatusCode.Created, await planResponse.Content.ReadAsStringAsync());
        var plan = await planResponse.Content.ReadFromJsonAsync<PreAuthorizationResponse>();
        var remittanceId = await factory.AddRemittanceAsync(owner.Id);
        var webhook = await (await owner.Client.PostAsJsonAsync("/v1/webhooks",
                new DentalClaimsHub.Api.Webhooks.WebhookRequest { Url = "https://pms.example.test/hooks", Events = ["claim.*"] }))
            .Content.ReadFromJsonAsync<DentalClaimsHub.Api.Webhooks.WebhookResponse>();

        var rosterForm = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Samples, "dms", "severnaya-zashchita", "spisok-2026-12-01.csv"))), "file", "spisok.csv" },
            { new StringContent("dms-severnaya"), "insurer" },
        };
        var roster = await (await owner.Client.PostAsync("/v1/roster-imports", rosterForm)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        // A registry of the owner's, stored directly (making one through the API needs claims sent to the insurer first).
        var registryId = await factory.InDatabaseAsync(async db =>
        {
            var version = DentalClaimsHub.Storage.DmsRegistries.DmsRegistryVersion.Create(owner.Id, "demo-dms-insurer", "2026-10", "DEMO-MED-202610", 1,
                new DateOnly(2026, 11, 1), "csv", "text/csv", "reestr.csv", [1, 2, 3], "00", [],
                new DentalClaimsHub.Storage.DmsRegistries.DmsRegistryTotals(0, 0, 0m, 0m, 0m, 0m, 0m), [], DateTimeOffset.UtcNow,
                factory.Services.GetRequiredService<DentalClaimsHub.Storage.Protection.IStoredFileProtector>());
            db.DmsRegistries.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        });
        // An act of the owner's with one refused line open in its work queue, stored directly.
        var actId = await factory.InDatabaseAsync(async db =>
        {
            var act = DentalClaimsHub.Storage.DmsActs.DmsAct.Create(owner.Id, "demo-dms-insurer", "AC-1", "00", "akt.xlsx", null,
                [DentalClaimsHub.Storage.DmsActs.DmsActLine.Create(7, null, "PCN-1", null, null, "A16.07.002", "36", 1, 100m, 0m, 100m, "01", null, "NoGuaranteeLetter")],
                [], DateTimeOffset.UtcNow);
            db.DmsActs.Add(act);
            await db.SaveChangesAsync();
            return act.Id;
        });

        foreach (var (method, template) in Matrix)
        {
            var id = template switch
            {
                _ when template.Contains("coverages/{id}", StringComparison.Ordinal) => coverage!.Id,
                _ when template.StartsWith("/v1/eligibility", StringComparison.Ordinal) => eligibility!.Id,
                _ when template.StartsWith("/v1/fee-schedules", StringComparison.Ordinal) => schedule!.Id,
                _ when template.StartsWith("/v1/estimates", StringComparison.Ordinal) => estimate!.Id,
                _ when template.StartsWith("/v1/claims", StringComparison.Ordinal) => claim!.Id,
                _ when template.StartsWith("/v1/preauthorizations", StringComparison.Ordinal) => plan!.Id,
                _ when template.StartsWith("/v1/remittances", StringComparison.Ordinal) => remittanceId,
                _ when template.StartsWith("/v1/webhooks", StringComparison.Ordinal) => webhook!.Id,
                _ when template.StartsWith("/v1/roster-imports", StringComparison.Ordinal) => roster.GetProperty("id").GetGuid(),
                _ when template.StartsWith("/v1/dms/registries", StringComparison.Ordinal) => registryId,
                _ when template.StartsWith("/v1/dms/acts", StringComparison.Ordinal) => actId,
                _ => patient.Id,
            };
            var url = template.Replace("{patientId}", patient.Id.ToString()).Replace("{id}", id.ToString()).Replace("{controlNumber}", "XR-1")
                .Replace("{deliveryId}", Guid.NewGuid().ToString()).Replace("{line}", "7");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            if (method is "PUT" or "POST")
            {
                request.Content = template.EndsWith("/attachments", StringComparison.Ordinal)
                    ? new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]) { Headers = { ContentType = new("image/jpeg") } }, "file", "x.jpg" } }
                    : template.StartsWith("/v1/dms/acts", StringComparison.Ordinal) ? JsonContent.Create(new { note = "taking over" })
                    : template.StartsWith("/v1/claims", StringComparison.Ordinal)
                    ? JsonContent.Create(new ClaimCorrectionRequest { Reason = "taking over" })
                    : template.Contains("coverages", StringComparison.Ordinal) ? JsonContent.Create(TestData.NewCoverageRequest())
                    : template.Contains("fee-schedules", StringComparison.Ordinal)
                        ? JsonContent.Create(new FeeScheduleRequest { Name = "Overwritten", Currency = "RUB", EffectiveFrom = new DateOnly(2026, 1, 1) })
                    : JsonContent.Create(TestData.NewPatientRequest(last: "Overwritten"));
            }

            var response = await intruder.Client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {template} answered {(int)response.StatusCode} to another practice");
        }

        var list = await intruder.Client.GetFromJsonAsync<Page<PatientResponse>>("/v1/patients");
        Assert.DoesNotContain(list!.Items, p => p.Id == patient.Id);
        var stillThere = await owner.Client.GetFromJsonAsync<PatientResponse>($"/v1/patients/{patient.Id}");
        Assert.Equal(TestData.PatientLast, stillThere!.Name.Last);
        var coverages = await owner.Client.GetFromJsonAsync<List<CoverageResponse>>($"/v1/patients/{patient.Id}/coverages");
        Assert.Equal(2, coverages!.Count);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/eligibility/{eligibility!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/fee-schedules/{schedule!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/estimates/{estimate!.Id}")).StatusCode);
        var ownClaim = await owner.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim!.Id}");
        Assert.Equal("queued", ownClaim!.Status);
        var intruderClaims = await intruder.Client.GetFromJsonAsync<ClaimPageResponse>("/v1/claims");
        Assert.Empty(intruderClaims!.Items);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/preauthorizations/{plan!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/remittances/{remittanceId}")).StatusCode);
        Assert.Empty((await intruder.Client.GetFromJsonAsync<DentalClaimsHub.Api.Remittances.RemittancePageResponse>("/v1/remittances"))!.Items);
        Assert.True((await owner.Client.GetFromJsonAsync<DentalClaimsHub.Api.Webhooks.WebhookResponse>($"/v1/webhooks/{webhook!.Id}"))!.Active);
        Assert.Empty((await intruder.Client.GetFromJsonAsync<List<DentalClaimsHub.Api.Webhooks.WebhookResponse>>("/v1/webhooks"))!);
        var ownAct = await owner.Client.GetFromJsonAsync<DentalClaimsHub.Api.Dms.Acts.DmsActView>($"/v1/dms/acts/{actId}");
        Assert.Equal("open", Assert.Single(ownAct!.Lines).WorkStatus);
    }

    [Fact]
    public void Matrix_CoversEveryTemplatedV1Endpoint()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                (m, Normalise(e.RoutePattern.RawText!))))
            .ToHashSet();

        Assert.Empty(endpoints.Except(Matrix.Select(r => (r.Method, r.Template))));
    }

    private static string Normalise(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template.TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}");
}
