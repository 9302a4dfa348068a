using DentalClaimsHub.Api.Claims.Delivery;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.X12;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// Applies a payer's acknowledgements to our claims: a TA1 rejecting an interchange rejects every claim in it; a 999
/// acknowledges or rejects the claims of the 837 transaction sets it names (AK1 GS06, AK2 ST02) with the IK3/IK4 it points
/// at; a 277CA accepts (A1/A2, with the payer's claim number REF*1K) or rejects (A3/A4/A6/A7/A8) each claim by CLM01.
/// </summary>
internal static class InboundAcknowledgements
{
    private static readonly string[] RejectCategories = ["A3", "A4", "A6", "A7", "A8"];

    // The latest 837 we sent this payer that the acknowledgement names (by ISA13 or GS06), and the delivery of its claims.
    private static async Task<(StoredMessage? Sent, Storage.Delivery.ClaimDelivery? Delivery)> SentAsync(HubDbContext db, string payer,
        System.Linq.Expressions.Expression<Func<StoredMessage, bool>> names, CancellationToken cancellationToken)
    {
        var sent = await db.Messages.AsNoTracking()
            .Where(m => m.Direction == MessageDirection.Outbound && m.PayerId == payer && m.TransactionType == "837").Where(names)
            .OrderByDescending(m => m.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        var delivery = sent is null ? null : await db.ClaimDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.MessageId == sent.Id, cancellationToken);
        return (sent, delivery);
    }

    // An acknowledgement naming a delivery whose receipt we never recorded is the payer's receipt (see ClaimDeliveryLocks):
    // its claims become Submitted first, so the acknowledgement applies to them instead of being dropped.
    private static async Task ConfirmIfPreparedAsync(HubDbContext db, Storage.Delivery.ClaimDelivery? delivery, string evidence, DateTimeOffset now,
        Claims.ClaimMetrics metrics, CancellationToken cancellationToken)
    {
        if (delivery is { Status: Storage.Delivery.ClaimDeliveryStatus.Prepared }
            && await ClaimDeliveryLocks.ConfirmByAcknowledgementAsync(db, delivery.Id, delivery.ClaimIds, evidence, now, cancellationToken) is > 0 and var submitted)
        {
            metrics.Delivered(delivery.PayerId, submitted);
        }
    }

    // TA1*<our ISA13>*date*time*<A|E|R>*<note code>: R rejects the whole interchange, so every claim it carried.
    public static async Task<int> ApplyTa1Async(HubDbContext db, string payer, IReadOnlyList<X12Segment> segments, StoredMessage stored,
        List<IngestNote> notes, DateTimeOffset now, Claims.ClaimMetrics metrics, CancellationToken cancellationToken)
    {
        var updated = 0;
        foreach (var ta1 in segments.Where(s => s.Id == "TA1"))
        {
            var icn = ta1[1];
            var (_, delivery) = await SentAsync(db, payer, m => m.InterchangeControlNumber == icn, cancellationToken);
            if (delivery is null)
            {
                notes.Add(IngestNotes.Ta1Unknown(icn));
                continue;
            }

            await ConfirmIfPreparedAsync(db, delivery, $"TA1 {ta1[4]} {stored.InterchangeControlNumber}", now, metrics, cancellationToken);
            if (ta1[4] != "R")
            {
                continue;
            }

            foreach (var claimId in delivery.ClaimIds)
            {
                var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
                if (claim is { State: ClaimState.Submitted })
                {
                    claim.Reject(ClaimDeliveryService.Actor, now, new TimelineReason(
                        $"TA1 rejected interchange {icn} (note code {ta1[5]})", TimelineReasonCodes.Ta1Rejected, [icn, ta1[5]]), stored.Id);
                    stored.Link(claim.Id);
                    updated++;
                }
            }
        }

        return updated;
    }

    // 999: AK1*HC*<our GS06>, AK2*837*<ST02> … IK3/IK4 … IK5*<A|E|R|M|W|X>.
    public static async Task<int> ApplyAckAsync(HubDbContext db, string payer, IReadOnlyList<X12Segment> segments, StoredMessage stored,
        List<IngestNote> notes, DateTimeOffset now, Claims.ClaimMetrics metrics, CancellationToken cancellationToken)
    {
        var group = segments.FirstOrDefault(s => s.Id == "AK1")?[2];
        var (sent, delivery) = group is null ? (null, null) : await SentAsync(db, payer, m => m.GroupControlNumber == group, cancellationToken);
        if (sent is null || delivery is null)
        {
            notes.Add(IngestNotes.AckGroupUnknown(group));
            return 0;
        }

        await ConfirmIfPreparedAsync(db, delivery, $"999 {stored.InterchangeControlNumber}", now, metrics, cancellationToken);
        var updated = 0;
        string? st02 = null;
        var problems = new List<string>();
        foreach (var segment in segments)
        {
            switch (segment.Id)
            {
                case "AK2":
                    (st02, problems) = (segment[2], []);
                    break;
                case "IK3" or "IK4":
                    problems.Add(segment.ToString().TrimEnd('~'));
                    break;
                case "IK5" when st02 is not null:
                    var index = sent.TransactionControlNumbers.IndexOf(st02);
                    var claimId = index >= 0 && index < delivery.ClaimIds.Count ? delivery.ClaimIds[index] : (Guid?)null;
                    var claim = claimId is null ? null : await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
                    if (claim is null || claim.State != ClaimState.Submitted)
                    {
                        notes.Add(IngestNotes.AckClaimUnknown(st02));
                        break;
                    }

                    if (segment[1] is "A" or "E")
                    {
                        claim.Acknowledge(ClaimDeliveryService.Actor, now, stored.Id);
                    }
                    else
                    {
                        var said = string.Join("; ", problems);
                        claim.Reject(ClaimDeliveryService.Actor, now, new TimelineReason(
                            $"999 rejected transaction set {st02} (IK5 {segment[1]}{(problems.Count > 0 ? ": " + said : "")})",
                            TimelineReasonCodes.Ack999Rejected, [st02, segment[1], said]), stored.Id);
                    }

                    stored.Link(claim.Id);
                    updated++;
                    break;
            }
        }

        return updated;
    }

    // 277CA: per claim (HL PT) TRN*2*<CLM01>, STC*<category>:<status>…, REF*1K*<payer claim number>.
    public static async Task<int> ApplyClaimAckAsync(HubDbContext db, string payer, IReadOnlyList<X12Segment> segments, StoredMessage stored,
        List<IngestNote> notes, DateTimeOffset now, Adapters.Codes.X12CodeDescriptions codes, Claims.ClaimMetrics metrics, CancellationToken cancellationToken)
    {
        var updated = 0;
        var inPatient = false;
        string? pcn = null;
        string? status = null;
        string? payerClaimNumber = null;

        async Task FlushAsync()
        {
            if (pcn is null || status is null)
            {
                return;
            }

            // Looked at untracked first: a claim still Queued is confirmed (under its delivery lock) before it is loaded.
            var queued = await db.Claims.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => c.PayerId == payer && c.PatientControlNumber == pcn && c.State == ClaimState.Queued).Select(c => (Guid?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (queued is { } queuedId)
            {
                var prepared = await db.ClaimDeliveries.AsNoTracking()
                    .Where(d => d.Status == Storage.Delivery.ClaimDeliveryStatus.Prepared && d.PayerId == payer && d.ClaimIds.Contains(queuedId))
                    .FirstOrDefaultAsync(cancellationToken);
                await ConfirmIfPreparedAsync(db, prepared, $"277CA {stored.InterchangeControlNumber}", now, metrics, cancellationToken);
            }

            var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.PayerId == payer && c.PatientControlNumber == pcn, cancellationToken);
            if (claim is null || claim.State is not (ClaimState.Submitted or ClaimState.Acknowledged))
            {
                notes.Add(IngestNotes.ClaimAckUnknown(pcn));
                return;
            }

            var category = status.Split(':')[0];
            if (RejectCategories.Contains(category))
            {
                var parts = status.Split(':');
                claim.Reject(ClaimDeliveryService.Actor, now, new TimelineReason($"277CA {status}: {codes.DescribeStatus(status)}",
                    TimelineReasonCodes.ClaimAckRejected, [string.Join(':', parts.Take(2)), parts.Length > 2 ? parts[2] : ""]), stored.Id);
            }
            else
            {
                claim.Accept(ClaimDeliveryService.Actor, now, payerClaimNumber, stored.Id);
            }

            stored.Link(claim.Id);
            updated++;
        }

        foreach (var segment in segments)
        {
            switch (segment.Id)
            {
                case "HL":
                    await FlushAsync();
                    (inPatient, pcn, status, payerClaimNumber) = (segment[3] == "PT", null, null, null);
                    break;
                case "TRN" when inPatient && segment[1] == "2":
                    pcn = segment[2];
                    break;
                case "STC" when inPatient && status is null:
                    status = string.Join(':', segment.Components(1));
                    break;
                case "REF" when inPatient && segment[1] == "1K":
                    payerClaimNumber = segment[2];
                    break;
                case "SE":
                    await FlushAsync();
                    (inPatient, pcn, status) = (false, null, null);
                    break;
            }
        }

        return updated;
    }
}
