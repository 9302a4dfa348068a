using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Claims.Delivery;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>
/// The payer has our 837 but we never recorded its receipt (a timeout, a crash between its answer and our commit, or its
/// 999 overtaking our commit): the delivery is still Prepared and the claim Queued when the acknowledgements arrive. They
/// are the receipt: the claim becomes Submitted from the stored transmission and the acknowledgement applies, with no
/// resend; and when a worker is sending that claim at that very moment, the acknowledgement waits for it.
/// </summary>
public sealed class LostReceiptTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    private const string Payer = "demo-x12-dental";

    [Fact]
    public async Task A_999_and_277CA_for_a_delivery_still_prepared_confirm_it_and_apply_without_a_resend()
    {
        var (practice, claim, acks) = await SubmitAndLoseTheReceiptAsync("Lost Receipt Dental");
        var repeats = factory.Simulator.CoreBatch.Repeats;
        using var insurer = await factory.CreateInsurerClientAsync(Payer);

        var ack = await PushAsync(insurer, acks.Ack999.Payload);
        Assert.Equal((false, 1), (ack.Duplicate, ack.ClaimsUpdated));
        var claim277 = await PushAsync(insurer, acks.ClaimAck.Payload);
        Assert.Equal(1, claim277.ClaimsUpdated);

        var after = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("accepted", after!.Status);
        Assert.Equal(["queued", "submitted", "acknowledged", "accepted"], after.Timeline.Select(t => t.To).TakeLast(4));
        var delivery = await DeliveryAsync(claim.Id);
        Assert.Equal(ClaimDeliveryStatus.Sent, delivery.Status);
        Assert.StartsWith("999 ", delivery.Receipt, StringComparison.Ordinal);
        Assert.Equal(delivery.MessageId, after.Timeline.Single(t => t.To == "submitted").RawMessageId);
        Assert.Equal(ack.MessageId, after.Timeline.Single(t => t.To == "acknowledged").RawMessageId);

        // Nothing was sent again: the payer saw the claim once, and a sweep finds nothing queued.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(repeats, factory.Simulator.CoreBatch.Repeats);
        Assert.Equal(1, factory.Simulator.Ledger.Claims.Single(c => c.PatientControlNumber == claim.PatientControlNumber).Count);
    }

    [Fact]
    public async Task A_277CA_alone_confirms_the_delivery_and_rejects_the_claim_it_names()
    {
        factory.Simulator.UseForMemberPrefix("LOSTREJ", ClaimAcknowledgements.Reject277Ca);
        var (practice, claim, acks) = await SubmitAndLoseTheReceiptAsync("Lost Receipt Rejected Dental", "LOSTREJ0001");
        using var insurer = await factory.CreateInsurerClientAsync(Payer);

        Assert.Equal(1, (await PushAsync(insurer, acks.ClaimAck.Payload)).ClaimsUpdated);

        var after = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal(["submitted", "rejected"], after!.Timeline.Select(t => t.To).TakeLast(2));
        Assert.StartsWith("277CA ", (await DeliveryAsync(claim.Id)).Receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_waits_for_the_worker_that_is_sending_the_claim()
    {
        var (practice, claim, acks) = await SubmitAndLoseTheReceiptAsync("Busy Worker Dental");
        using var insurer = await factory.CreateInsurerClientAsync(Payer);

        // Hold the claim's delivery lock the way a sending worker does (a session lock on its own connection).
        await using var worker = new NpgsqlConnection(factory.ConnectionString);
        await worker.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({ClaimDeliveryLocks.Key(claim.Id)})", worker))
        {
            await take.ExecuteNonQueryAsync();
        }

        var pushing = PushAsync(insurer, acks.Ack999.Payload);
        var first = await Task.WhenAny(pushing, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.NotSame(pushing, first);

        // The worker records the payer's receipt and lets go; the acknowledgement then applies to the submitted claim.
        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claim_deliveries SET status = 'Sent', sent_at = now(), receipt = 'worker' WHERE {claim.Id} = ANY(claim_ids)"));
        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE claims SET state = 'Submitted' WHERE id = {claim.Id}"));
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({ClaimDeliveryLocks.Key(claim.Id)})", worker))
        {
            await release.ExecuteNonQueryAsync();
        }

        var applied = await pushing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, applied.ClaimsUpdated);
        Assert.Equal("worker", (await DeliveryAsync(claim.Id)).Receipt);
        var after = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("acknowledged", after!.Status);
    }

    private sealed record Acks(PendingAcknowledgement Ack999, PendingAcknowledgement ClaimAck);

    // Submits a claim, waits until the payer has it, takes the payer's 999 and 277CA for it, and puts the database back to
    // what a lost receipt leaves: the delivery Prepared (its retry an hour away), the claim Queued.
    private async Task<(TestPractice Practice, ClaimResponse Claim, Acks Acks)> SubmitAndLoseTheReceiptAsync(string practiceName,
        string? memberId = null)
    {
        var practice = await factory.CreatePracticeAsync(practiceName);
        var pcn = "LRC-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var created = memberId is null
            ? await ClaimSubmissions.SubmitAsync(practice, pcn)
            : await ClaimSubmissions.SubmitAsync(practice, pcn, memberId: memberId);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");
        var pending = factory.Simulator.Acknowledgements.Pending;
        var claimAck = pending.Single(a => a.Kind == "277CA" && a.Payload.Contains($"TRN*2*{pcn}~", StringComparison.Ordinal));
        var ack999 = pending.Single(a => a.Kind == "999" && a.InterchangeControlNumber == claimAck.InterchangeControlNumber);

        await factory.InDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE claim_deliveries SET status = 'Prepared', sent_at = NULL, receipt = NULL, next_attempt_at = now() + interval '1 hour' WHERE {created.Id} = ANY(claim_ids)");
            await db.Database.ExecuteSqlAsync($"DELETE FROM claim_timeline WHERE claim_id = {created.Id} AND \"to\" = 'Submitted'");
            return await db.Database.ExecuteSqlAsync($"UPDATE claims SET state = 'Queued' WHERE id = {created.Id}");
        });
        var lost = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.Id}");
        Assert.Equal("queued", lost!.Status);
        return (practice, lost, new Acks(ack999, claimAck));
    }

    private static async Task<InboundResult> PushAsync(HttpClient insurer, string payload)
    {
        var pushed = await insurer.PostAsync($"/inbound/{Payer}/x12", new StringContent(payload, Encoding.UTF8, "application/edi-x12"));
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
        return (await pushed.Content.ReadFromJsonAsync<InboundResult>())!;
    }

    private Task<ClaimDelivery> DeliveryAsync(Guid claimId) =>
        factory.InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().SingleAsync(d => d.ClaimIds.Contains(claimId)));
}
