using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>The delivery hub with a payer that collects 837s from an SFTP drop served by a real sshd.</summary>
public sealed class SftpDeliveryFactory : ClaimDeliveryFactory
{
    public TestSftpServer Sftp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ProfileVariables =>
    [
        new("SFTP_PORT", Sftp.Port.ToString(CultureInfo.InvariantCulture)),
        new("SFTP_DIRECTORY", Sftp.DropDirectory),
        new("SFTP_HOST_KEY", Sftp.HostKeySha256),
        new("SFTP_INBOUND", Sftp.InboundDirectory),
    ];

    protected override IEnumerable<string> ExtraProfileFolders =>
        [Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Root, "tests", "DentalClaimsHub.Api.Tests", "Claims", "payers-sftp-inbound")];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [.. base.ExtraSettings, new("SFTP_TEST_USER", Sftp.User), new("SFTP_TEST_KEY", Sftp.PrivateKey)];

    protected override async ValueTask DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        Sftp.Dispose();
    }
}

public sealed class SftpDeliveryTests(SftpDeliveryFactory factory) : IClassFixture<SftpDeliveryFactory>
{
    [Fact]
    public async Task Submit_SftpPayer_The837LandsInItsDropOnceAndAResendReplacesIt()
    {
        var practice = await factory.CreatePracticeAsync("SFTP Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest("sftp-x12-dental")))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "SFT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 240m,
                Lines = [new ClaimLineRequest { Code = "D4341", Area = "10", Fee = 240m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) }],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var claim = (await response.Content.ReadFromJsonAsync<ClaimResponse>())!;

        var submitted = await WaitSubmittedAsync(practice.Client, claim.Id);

        var files = Directory.GetFiles(factory.Sftp.DropDirectory, "837D_*.x12");
        var file = Assert.Single(files, f => File.ReadAllText(f).Contains($"CLM*{pcn}*", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(factory.Sftp.DropDirectory, ".*.part"));
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var messageId = submitted.Timeline[^1].RawMessageId;
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId);
        Assert.Equal(stored.Content, File.ReadAllBytes(file));
        var delivery = await db.ClaimDeliveries.AsNoTracking().SingleAsync(d => d.ClaimIds.Contains(claim.Id));
        Assert.Equal(file, delivery.Receipt);

        // A crash after the upload and before our commit: the resend writes the same name, so the drop still holds one file.
        await db.Database.ExecuteSqlAsync($"UPDATE claim_deliveries SET status = 'Prepared' WHERE id = {delivery.Id}");
        await db.Database.ExecuteSqlAsync($"DELETE FROM claim_timeline WHERE claim_id = {claim.Id} AND \"to\" = 'Submitted'");
        await db.Database.ExecuteSqlAsync($"UPDATE claims SET state = 'Queued' WHERE id = {claim.Id}");
        await WaitSubmittedAsync(practice.Client, claim.Id);
        Assert.Single(Directory.GetFiles(factory.Sftp.DropDirectory, "837D_*.x12"), f => File.ReadAllText(f).Contains($"CLM*{pcn}*", StringComparison.Ordinal));
    }

    private static async Task<ClaimResponse> WaitSubmittedAsync(HttpClient client, Guid id)
    {
        ClaimResponse? claim = null;
        for (var i = 0; i < 150 && claim?.Status != "submitted"; i++)
        {
            await Task.Delay(100);
            claim = await client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{id}");
        }

        Assert.True(claim?.Status == "submitted", $"stayed {claim?.Status}: {string.Join(" > ", claim?.Timeline.Select(t => $"{t.To} {t.Reason}") ?? [])}");
        return claim!;
    }

    [Fact]
    public async Task PayerLeavesFilesOnSftp_TheHubCollectsAppliesAndMovesThem()
    {
        var practice = await factory.CreatePracticeAsync("SFTP Inbound Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewCoverageRequest("sftp-inbound-x12-dental"))).Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "SFI-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 240m,
                Lines = [new ClaimLineRequest { Code = "D4341", Area = "10", Fee = 240m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) }],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var claim = (await (await practice.Client.SendAsync(request)).Content.ReadFromJsonAsync<ClaimResponse>())!;
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        var sent = Directory.GetFiles(factory.Sftp.DropDirectory).Select(File.ReadAllText).Single(f => f.Contains($"CLM*{pcn}*", StringComparison.Ordinal));
        var isa13 = sent.Split('~')[0].Split('*')[13];

        // The payer rejects the interchange with a TA1 left on its server; the hub collects it and the claim is rejected.
        var ta1 = $"ISA*00*          *00*          *ZZ*DEMODENTAL     *ZZ*DCHUB          *{DateTime.UtcNow:yyMMdd}*1200*^*00501*000000777*0*T*:~"
            + $"TA1*{isa13}*{DateTime.UtcNow:yyMMdd}*1200*R*006~IEA*0*000000777~";
        await File.WriteAllTextAsync(Path.Combine(factory.Sftp.InboundDirectory, "ta1-777.x12"), ta1);

        var rejected = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "rejected");
        Assert.Contains($"TA1 rejected interchange {isa13}", rejected.Timeline[^1].Reason, StringComparison.Ordinal);
        for (var i = 0; i < 50 && File.Exists(Path.Combine(factory.Sftp.InboundDirectory, "ta1-777.x12")); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(File.Exists(Path.Combine(factory.Sftp.InboundDirectory, "ta1-777.x12")));
        Assert.Single(Directory.GetFiles(Path.Combine(factory.Sftp.InboundDirectory, "processed")));
    }
}
