using System.Linq.Expressions;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Claims.Status;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.PayerSimulator.Fhir;
using DentalClaimsHub.Storage.ClaimStatus;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Remittances;

/// <summary>
/// A claim a FHIR payer is silent on (status-fhir-dental: asked after 1 s) is asked about with an R4 status Task through the
/// simulator over HTTP, and the answer moves the claim with the payer's words on its timeline.
/// </summary>
public sealed class FhirClaimStatusPollingTests(StatusPollingFactory factory) : IClassFixture<StatusPollingFactory>
{
    private const string Payer = "status-fhir-dental";

    private static string NewPcn(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task Poll_SilentFhirPayer_IsAskedWithAStatusTaskAndTheClaimGoesPending()
    {
        var practice = await factory.CreatePracticeAsync("FHIR Status Dental");
        var pcn = NewPcn("FSP-");
        var claim = await ClaimSubmissions.SubmitAsync(practice, pcn, Payer);
        var accepted = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");
        Assert.StartsWith("FCN", accepted.PayerClaimNumber, StringComparison.Ordinal);

        var pending = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "pending");

        var entry = pending.Timeline[^1];
        Assert.Equal(ClaimStatusPoller.Actor, entry.Actor);
        Assert.StartsWith("FHIR ClaimResponse partial (P1): in adjudication", entry.Reason, StringComparison.Ordinal);
        var asked = factory.Simulator.Received(FhirClaimModule.TaskPath).Where(r => r.BodyText.Contains(pcn, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(asked);
        Assert.Contains("http://terminology.hl7.org/CodeSystem/financialtaskcode", asked[0].BodyText, StringComparison.Ordinal);
        Assert.Contains(accepted.PayerClaimNumber!, asked[0].BodyText, StringComparison.Ordinal);
        var stored = await factory.InDatabaseAsync(db => db.Messages.AsNoTracking()
            .Where(m => m.LinkedIds.Contains(claim.Id) && m.Protocol == "fhir" && m.TransactionType != "Claim")
            .OrderBy(m => m.ReceivedAt).Select(m => new { m.Direction, m.TransactionType, m.ParseStatus }).ToListAsync());
        Assert.Contains(stored, m => m is { Direction: MessageDirection.Outbound, TransactionType: "Task" });
        Assert.Contains(stored, m => m is { Direction: MessageDirection.Inbound, TransactionType: "Task", ParseStatus: MessageParseStatus.Parsed });
        Assert.Contains(stored, m => m is { Direction: MessageDirection.Inbound, TransactionType: "ClaimResponse" });
    }

    [Fact]
    public async Task Poll_FhirPayerReportsTheClaimDenied_ClaimDeniedWithTheReasons()
    {
        factory.Simulator.UseForMemberPrefix("FSD-", FhirClaimModule.StatusDenied);
        var practice = await factory.CreatePracticeAsync("FHIR Status Denied Dental");
        var claim = await ClaimSubmissions.SubmitAsync(practice, NewPcn("FSD-"), Payer);

        var denied = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "denied");

        Assert.Equal(ClaimStatusPoller.Actor, denied.Timeline[^1].Actor);
        Assert.StartsWith("FHIR ClaimResponse complete (F2): adjudicated, denied (ar001)", denied.Timeline[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_FhirPayerStillWorking_ClaimStaysAcceptedAndThePollSaysSo()
    {
        factory.Simulator.UseForMemberPrefix("FSW-", FhirClaimModule.StatusInProgress);
        var practice = await factory.CreatePracticeAsync("FHIR Status Waiting Dental");
        var claim = await ClaimSubmissions.SubmitAsync(practice, NewPcn("FSW-"), Payer);
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");

        var said = await PollResultAsync(claim.Id, p => p.Polls > 0, TimeSpan.FromSeconds(15));

        Assert.Equal("FHIR status Task in-progress: the payer has not answered yet", said);
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");
    }

    [Fact]
    public async Task Poll_FhirPayerSlowerThanItsTimeout_RecordsTheTimeoutKeepsTheClaimAndAsksAgain()
    {
        // status-fhir-slow gives the payer 3 s; the simulator holds this claim's status answer for 20 s.
        factory.Simulator.FhirClaims.SlowStatusDelay = TimeSpan.FromSeconds(20);
        factory.Simulator.UseForMemberPrefix("FSL-", FhirClaimModule.StatusSlow);
        var practice = await factory.CreatePracticeAsync("FHIR Status Slow Dental");
        var pcn = NewPcn("FSL-");
        var claim = await ClaimSubmissions.SubmitAsync(practice, pcn, "status-fhir-slow");
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");

        var failed = await PollResultAsync(claim.Id, p => p.ConsecutiveFailures > 0, TimeSpan.FromSeconds(30));

        Assert.Equal("TimedOut: The payer did not answer the status Task in time.", failed);
        var waiting = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("accepted", waiting!.Status);
        Assert.DoesNotContain(waiting.Timeline, t => t.Actor == ClaimStatusPoller.Actor);

        // The payer catches up: the next round asks again and applies its answer.
        factory.Simulator.UseForMemberPrefix("FSL-", FhirClaimModule.StatusPending);
        var pending = await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "pending");
        Assert.Equal(ClaimStatusPoller.Actor, pending.Timeline[^1].Actor);
        Assert.True(factory.Simulator.Received(FhirClaimModule.TaskPath).Count(r => r.BodyText.Contains(pcn, StringComparison.Ordinal)) >= 2);
    }

    // The last result the hub recorded on the claim's poll once the poll matches when; null if it never does within wait.
    private async Task<string?> PollResultAsync(Guid claimId, Expression<Func<ClaimStatusPoll, bool>> when, TimeSpan wait)
    {
        for (var waited = TimeSpan.Zero; waited < wait; waited += TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(100);
            var result = await factory.InDatabaseAsync(db => db.ClaimStatusPolls.AsNoTracking()
                .Where(p => p.ClaimId == claimId).Where(when).Select(p => p.LastResult).FirstOrDefaultAsync());
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }
}
