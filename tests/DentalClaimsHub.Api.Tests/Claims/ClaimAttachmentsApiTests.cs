using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>A hub that takes attachments up to 4 KB, so the size limit is cheap to test.</summary>
public sealed class SmallAttachmentsFactory : HubApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hub:Claims:Attachments:MaxBytes", "4096")];
}

public sealed class ClaimAttachmentsApiTests(SmallAttachmentsFactory factory) : IClassFixture<SmallAttachmentsFactory>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x03];

    private async Task<(TestPractice Practice, ClaimResponse Claim)> ClaimAsync()
    {
        var practice = await factory.CreatePracticeAsync("Attachments Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 1200m,
                Lines =
                [
                    new ClaimLineRequest
                    {
                        Code = "D2740", Tooth = "3", Prosthesis = "initial", Fee = 1200m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
                    },
                ],
                Attachments = [new AttachmentRequest { ReportType = "RB", Transmission = "electronic", ControlNumber = "XR-0001" }],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (practice, (await response.Content.ReadFromJsonAsync<ClaimResponse>())!);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string contentType, string? controlNumber = "XR-0001", string? reportType = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "bitewing-left.jpg");
        if (controlNumber is not null)
        {
            form.Add(new StringContent(controlNumber), "controlNumber");
        }

        if (reportType is not null)
        {
            form.Add(new StringContent(reportType), "reportType");
        }

        return form;
    }

    [Fact]
    public async Task Upload_DocumentForADeclaredControlNumber_IsStoredAndDownloadable()
    {
        var (practice, claim) = await ClaimAsync();

        var response = await practice.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(Jpeg, "image/jpeg"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var read = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        var attachment = Assert.Single(read!.Attachments);
        Assert.Equal(("RB", "XR-0001", "image/jpeg", (long)Jpeg.Length, "bitewing-left.jpg"),
            (attachment.ReportType, attachment.ControlNumber, attachment.ContentType, attachment.SizeBytes, attachment.FileName));
        var download = await practice.Client.GetAsync($"/v1/claims/{claim.Id}/attachments/XR-0001");
        Assert.Equal(Jpeg, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Upload_NewControlNumberOnASentClaim_Is409()
    {
        var (practice, claim) = await ClaimAsync();

        var response = await practice.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(Jpeg, "image/jpeg", "XR-0099", "RB"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upload_NewAttachmentOnADraft_IsAdded()
    {
        var (practice, claim) = await ClaimAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var stored = await db.Claims.SingleAsync(c => c.Id == claim.Id);
            stored.ReturnToDraft("test", DateTimeOffset.UtcNow, "add the narrative");
            await db.SaveChangesAsync();
        }

        var narrative = "Fractured cusp, see bitewing."u8.ToArray();
        var response = await practice.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(narrative, "text/plain", "NAR-1", "OZ"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var read = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal(["XR-0001", "NAR-1"], read!.Attachments.Select(a => a.ControlNumber));
    }

    [Theory]
    [InlineData("image/png", "$.file")]
    [InlineData("application/zip", "$.file")]
    public async Task Upload_TypeNotMatchingOrNotAccepted_ProblemNamesTheFile(string contentType, string path)
    {
        var (practice, claim) = await ClaimAsync();

        var response = await practice.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(Jpeg, contentType));

        await ProblemAssert.HasFieldErrorsAsync(response, path);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413AndNothingIsStored()
    {
        var (practice, claim) = await ClaimAsync();
        var big = new byte[5000];
        Jpeg.CopyTo(big, 0);

        var response = await practice.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(big, "image/jpeg"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, (await practice.Client.GetAsync($"/v1/claims/{claim.Id}/attachments/XR-0001")).StatusCode);
    }

    [Fact]
    public async Task Upload_AnotherPracticesClaim_Is404()
    {
        var (_, claim) = await ClaimAsync();
        var intruder = await factory.CreatePracticeAsync("Intruder Dental");

        var response = await intruder.Client.PostAsync($"/v1/claims/{claim.Id}/attachments", Form(Jpeg, "image/jpeg"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync($"/v1/claims/{claim.Id}/attachments/XR-0001")).StatusCode);
    }
}
