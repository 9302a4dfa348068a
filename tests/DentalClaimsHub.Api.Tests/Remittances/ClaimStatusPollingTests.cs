using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Claims.Status;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Api.Tests.Remittances;

/// <summary>The claims factory with status polling every 300 ms (the status-x12-dental payer is asked after 1 s of silence).</summary>
public sealed class StatusPollingFactory : ClaimDeliveryFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [.. base.ExtraSettings, new("Hub:Claims:StatusPolling:Interval", "00:00:00.300")];
}

/// <summary>
/// The whole life with the payer's silence in it: submit → 999 → 277CA accepted → the hub's own 276 → 277 pending → 835 paid;
/// and a claim the payer reports denied in its 277.
/// </summary>
public sealed class ClaimStatusPollingTests(StatusPollingFactory factory) : IClassFixture<StatusPollingFactory>
{
    private const string Payer = "status-x12-dental";

    private static string NewPcn(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task FullLife_SilentPayerIsAskedWith276_PendingThen835Paid()
    {
        var exchanges = new PayerExchanges(factory, Payer);
        var practice = await factory.CreatePracticeAsync("Status Dental");
        using var insurer = await exchanges.InsurerAsync();
        var pcn = NewPcn("STS-");
        var claim = (await exchanges.AcceptedClaimsAsync(practice, insurer, (pcn, null)))[0];

        var pending = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "pending");
        var entry = pending.Timeline[^1];
        Assert.Equal(ClaimStatusPoller.Actor, entry.Actor);
        Assert.StartsWith("277 P1:20", entry.Reason, StringComparison.Ordinal);
        var asked = factory.Simulator.Routes.All.Where(r => r.BodyText.Contains("ST*276*", StringComparison.Ordinal)
            && r.BodyText.Contains(pcn, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(asked);

        var posted = await exchanges.PushAsync(insurer, await exchanges.RemitAsync(false, pcn));
        Assert.Equal(1, posted.ClaimsUpdated);
        var paid = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal(["submitted", "acknowledged", "accepted", "pending", "paid"], paid!.Timeline.Select(t => t.To).TakeLast(5));

        // Paid claims are no longer asked about (one question may have been in flight when the 835 landed).
        var polls = factory.Simulator.Routes.All.Count(r => r.BodyText.Contains("ST*276*", StringComparison.Ordinal)
            && r.BodyText.Contains(pcn, StringComparison.Ordinal));
        await Task.Delay(1500);
        Assert.True(factory.Simulator.Routes.All.Count(r => r.BodyText.Contains("ST*276*", StringComparison.Ordinal)
            && r.BodyText.Contains(pcn, StringComparison.Ordinal)) <= polls + 1);
    }

    [Fact]
    public async Task Poll_PayerReportsTheClaimDenied_ClaimDeniedWithTheStatusExplained()
    {
        var exchanges = new PayerExchanges(factory, Payer);
        factory.Simulator.UseForMemberPrefix("STDENY", CoreRealtimeModule.StatusDenied);
        var practice = await factory.CreatePracticeAsync("Status Denied Dental");
        using var insurer = await exchanges.InsurerAsync();
        var claim = (await exchanges.AcceptedClaimsAsync(practice, insurer, (NewPcn("STD-"), "STDENY0001")))[0];

        var denied = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "denied");

        Assert.StartsWith("277 F2:", denied.Timeline[^1].Reason, StringComparison.Ordinal);
        Assert.Contains("Finalized", denied.Timeline[^1].Reason, StringComparison.OrdinalIgnoreCase);
    }
}
