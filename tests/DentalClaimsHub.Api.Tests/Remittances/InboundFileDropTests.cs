using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Remittances;

/// <summary>The claims factory with drop-x12-dental's inbound folder pointing at a fresh temporary directory.</summary>
public sealed class FileDropFactory : ClaimDeliveryFactory
{
    public string Drop { get; } = Directory.CreateTempSubdirectory("dch-inbound-").FullName;

    protected override IEnumerable<KeyValuePair<string, string>> ProfileVariables => [new("INBOUND_DROP", Drop)];

    protected override async ValueTask DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        Directory.Delete(Drop, recursive: true);
    }
}

/// <summary>A payer that leaves files in a drop folder: the hub takes each once, applies it, moves it to processed/.</summary>
public sealed class InboundFileDropTests(FileDropFactory factory) : IClassFixture<FileDropFactory>
{
    private const string Payer = "drop-x12-dental";

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 150 && !await done(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await done(), "Timed out waiting for " + what);
    }

    [Fact]
    public async Task DroppedFiles_835PostedOnceAndMoved_UnreadableFileKeptAndFlagged()
    {
        var exchanges = new PayerExchanges(factory, Payer);
        var practice = await factory.CreatePracticeAsync("Drop Folder Dental");
        using var insurer = await exchanges.InsurerAsync();
        var pcn = "DRP-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var claim = (await exchanges.AcceptedClaimsAsync(practice, insurer, (pcn, null)))[0];
        var remittance = await exchanges.RemitAsync(false, pcn);

        // Written under a temporary name and renamed, as payers do; the same file dropped twice is applied once.
        await File.WriteAllTextAsync(Path.Combine(factory.Drop, ".era-1.part"), remittance);
        File.Move(Path.Combine(factory.Drop, ".era-1.part"), Path.Combine(factory.Drop, "era-1.835"));
        await File.WriteAllTextAsync(Path.Combine(factory.Drop, "era-1-copy.835"), remittance);
        await File.WriteAllTextAsync(Path.Combine(factory.Drop, "notes.txt"), "Dear provider, please find our remittance attached.");

        await WaitUntilAsync(() => Task.FromResult(Directory.GetFiles(factory.Drop).Length == 0), "the drop folder to be emptied");
        Assert.Equal(3, Directory.GetFiles(Path.Combine(factory.Drop, InboundFilePoller.Processed)).Length);
        var paid = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("paid", paid!.Status);
        var payments = await practice.Client.GetFromJsonAsync<DentalClaimsHub.Api.Remittances.ClaimPaymentsResponse>($"/v1/claims/{claim.Id}/payments");
        Assert.Single(payments!.Payments);

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var received = await db.Messages.AsNoTracking().Where(m => m.PayerId == Payer && m.Direction == MessageDirection.Inbound)
            .Select(m => new { m.TransactionType, m.ParseStatus }).ToListAsync();
        Assert.Contains(received, m => m.TransactionType == "835" && m.ParseStatus == MessageParseStatus.Parsed);
        Assert.Contains(received, m => m.ParseStatus == MessageParseStatus.Failed);
        Assert.Single(received, m => m.TransactionType == "835"); // the copy was a duplicate: stored once, applied once
    }
}
