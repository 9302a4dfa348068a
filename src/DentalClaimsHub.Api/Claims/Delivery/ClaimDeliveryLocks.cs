using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Delivery;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Claims.Delivery;

/// <summary>
/// The per-claim PostgreSQL advisory lock the delivery worker holds while it sends a claim, and what an acknowledgement
/// does with a transmission whose receipt we never recorded.
/// <para>
/// A payer's TA1, 999 or 277CA naming one of our interchanges proves the payer has it, even when our record of sending
/// it still says Prepared: the payer's synchronous receipt was lost (timeout, crash between the payer's answer and our
/// commit), or the acknowledgement simply overtook our commit. Dropping the acknowledgement then would leave the claim
/// Queued and unanswered; instead the delivery is confirmed by it, as the receipt would have, and the acknowledgement
/// applied. The worker's lock orders the two: if it is sending at that moment, the confirmation waits for it to finish.
/// </para>
/// </summary>
public static class ClaimDeliveryLocks
{
    /// <summary>A 64-bit key from the claim id; a collision only serialises two unrelated claims for a moment.</summary>
    public static long Key(Guid claimId)
    {
        Span<byte> bytes = stackalloc byte[16];
        claimId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }

    /// <summary>
    /// Marks a still-prepared delivery Sent (receipt <paramref name="evidence"/>) and its queued claims Submitted with the
    /// transmission as their raw message, exactly as the payer's receipt would have. Takes the claims' delivery locks for
    /// the rest of the caller's transaction first (in key order, so two callers never deadlock), which waits for a worker
    /// sending it now; then re-reads the delivery, because that worker may have recorded the receipt meanwhile. Returns the
    /// number of claims it submitted: zero when the delivery was already Sent or given up (Failed).
    /// </summary>
    public static async Task<int> ConfirmByAcknowledgementAsync(HubDbContext db, Guid deliveryId, IEnumerable<Guid> claimIds, string evidence,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var key in claimIds.Select(Key).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }

        var delivery = await db.ClaimDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery.Status != ClaimDeliveryStatus.Prepared)
        {
            return 0;
        }

        delivery.MarkSent(evidence, now);
        var claims = await db.Claims.AsSplitQuery().Where(c => delivery.ClaimIds.Contains(c.Id) && c.State == ClaimState.Queued)
            .ToListAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await ClaimDeliveryService.MarkSubmittedAsync(db, claim, delivery.MessageId, now, cancellationToken);
        }

        return claims.Count;
    }
}
