using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A claim sent with a declared X-ray (PWK, control number, no document yet) gets its document from the claim page: a
/// file that is not what it claims is refused under the form, the real one is stored under the control number (the API
/// downloads the same bytes), the upload is audited, and an auditor sees the attachments but no upload form.
/// </summary>
public sealed class ClaimDocumentUploadTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    [Fact]
    public async Task A_billing_specialist_uploads_the_declared_xray_for_a_sent_claim()
    {
        var practice = await factory.CreatePracticeAsync("Pwk Dental");
        var claim = await ClaimWithDeclaredXrayAsync(practice, "XR-7001");
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        var (_, billing) = await CreateUserAsync(factory, "Bill Documents", ConsoleRoles.Billing);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, billing, "Colleague-Password-1");

        await page.GotoAsync($"/console/claims/{claim.Id}");
        var row = page.Locator("tr[data-attachment='XR-7001']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-received", "false");
        await Assertions.Expect(row).ToContainTextAsync("Not received yet");
        await Assertions.Expect(row).ToContainTextAsync("Electronically (EL)");

        await page.Locator("[data-field='document']").SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "not a png"u8.ToArray() });
        await Assertions.Expect(page.Locator("[data-document-ready]")).ToContainTextAsync("fake.png");
        await page.ClickAsync("[data-action='upload-document']");
        await Assertions.Expect(page.Locator("[data-problem='document']")).ToContainTextAsync("does not look like a PNG image");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-received", "false");

        await page.Locator("[data-field='document']").SetInputFilesAsync(new FilePayload { Name = "bitewing-30.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(page.Locator("[data-document-ready]")).ToContainTextAsync("bitewing-30.png");
        await page.Locator("[data-field='document-control-number']").SelectOptionAsync("XR-7001");
        await page.ClickAsync("[data-action='upload-document']");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Document stored with the claim");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-received", "true");
        await Assertions.Expect(row).ToContainTextAsync($"bitewing-30.png · {Png.Length} B");
        await AccessibleAsync(page, "claim-document-01-uploaded");

        var download = await practice.Client.GetAsync($"/v1/claims/{claim.Id}/attachments/XR-7001");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        var after = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("submitted", after!.Status);
        var audit = await factory.InDatabaseAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "claim.attachment.added" && e.EntityId == claim.Id.ToString() && e.ActorKind == "console-user").ToListAsync());
        Assert.Contains("XR-7001", Assert.Single(audit).Details, StringComparison.Ordinal);

        var (_, auditor) = await CreateUserAsync(factory, "Audrey Documents", ConsoleRoles.Auditor);
        await using var auditorBrowser = await factory.NewBrowserContextAsync();
        var auditorPage = await auditorBrowser.NewPageAsync();
        await SignInAsync(factory, auditorPage, auditor, "Colleague-Password-1");
        await auditorPage.GotoAsync($"/console/claims/{claim.Id}");
        await Assertions.Expect(auditorPage.Locator("tr[data-attachment='XR-7001']")).ToHaveAttributeAsync("data-received", "true");
        await Assertions.Expect(auditorPage.Locator("[data-action='upload-document']")).ToHaveCountAsync(0);
    }

    private static async Task<ClaimResponse> ClaimWithDeclaredXrayAsync(TestPractice practice, string controlNumber)
    {
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest())).Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest("demo-x12-dental")))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 185m, Diagnoses = ["K02.52"],
                Lines =
                [
                    new ClaimLineRequest
                    {
                        Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, DiagnosisPointers = [1],
                        ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
                    },
                ],
                Attachments = [new AttachmentRequest { ReportType = "RB", Transmission = "electronic", ControlNumber = controlNumber }],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>())!;
    }
}
