using System.Diagnostics;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Delivery;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Claims.Delivery;

/// <summary>What one delivery attempt did.</summary>
public enum DeliveryOutcome
{
    /// <summary>The claim is not (or no longer) Queued: submitted already, or changed meanwhile.</summary>
    NothingToDo,

    /// <summary>Another worker holds the claim right now.</summary>
    Busy,

    /// <summary>The payer's profile has no claims route the hub can speak; the claim stays Queued until it does.</summary>
    NoRoute,

    /// <summary>A previous attempt failed; the backoff has not passed.</summary>
    Waiting,

    /// <summary>The payer confirmed receipt; the claim is Submitted.</summary>
    Sent,

    /// <summary>The payer could not be reached or failed; the same bytes will be resent after a backoff.</summary>
    WillRetry,

    /// <summary>The claim cannot be expressed in the payer's protocol; it went back to Draft with the reason.</summary>
    ReturnedToDraft,
}

/// <summary>
/// Sends one queued claim to its payer exactly once. Under a PostgreSQL advisory lock on the claim (so instances and the
/// fast and slow paths never work on it together): build the payer's message and commit it as a Prepared delivery
/// before the first byte leaves; send; on the payer's receipt mark the delivery Sent and the claim Submitted in one
/// transaction. A crash or timeout in between leaves the Prepared delivery, and the next attempt resends exactly the
/// stored bytes under the same payload id and interchange control number, which the payer discards as a repeat.
/// </summary>
public sealed partial class ClaimDeliveryService(
    HubDbContext db,
    TenantContext tenant,
    PayerProfileCatalog payers,
    IEnumerable<IClaimProtocol> protocols,
    TimeProvider time,
    ClaimMetrics metrics,
    IStoredFileProtector protector,
    ILogger<ClaimDeliveryService> logger)
{
    public const string Actor = "hub:submitter";

    /// <summary>
    /// Delivers one queued claim now — the event-driven fast path. A payer that takes claims in timed batches is left to
    /// the sweeper (<see cref="DeliveryOutcome.Waiting"/>) unless <paramref name="evenIfBatched"/>.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(Guid claimId, CancellationToken cancellationToken, bool evenIfBatched = false)
    {
        if (!evenIfBatched)
        {
            tenant.UseSystem();
            var payerId = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == claimId).Select(c => c.PayerId)
                .SingleOrDefaultAsync(cancellationToken);
            if (payerId is not null && BatchInterval(payers.Find(payerId)) > TimeSpan.Zero)
            {
                return DeliveryOutcome.Waiting;
            }
        }

        return await DeliverAsync([claimId], cancellationToken);
    }

    /// <summary>
    /// Delivers queued claims of one practice to one payer, in one transmission where the protocol allows it: first any
    /// prepared delivery holding them is resent as it is, then the rest go out in a new one.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(IReadOnlyList<Guid> claimIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        using var activity = HubActivitySources.Claims.StartActivity("claim deliver");
        activity?.SetTag("dch.claim.count", claimIds.Count);
        if (claimIds.Count == 1)
        {
            activity?.SetTag("dch.claim.id", claimIds[0].ToString());
        }

        var outcome = await DeliverUnderLockAsync(claimIds, cancellationToken);
        activity?.SetTag("dch.delivery.outcome", outcome.ToString());
        return outcome;
    }

    private async Task<DeliveryOutcome> DeliverUnderLockAsync(IReadOnlyList<Guid> claimIds, CancellationToken cancellationToken)
    {
        tenant.UseSystem();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var locked = new List<Guid>(claimIds.Count);
        try
        {
            foreach (var claimId in claimIds.Distinct())
            {
                if (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({ClaimDeliveryLocks.Key(claimId)}) AS \"Value\"").SingleAsync(cancellationToken))
                {
                    locked.Add(claimId);
                }
            }

            return locked.Count == 0 ? DeliveryOutcome.Busy : await DeliverLockedAsync(locked, cancellationToken);
        }
        finally
        {
            // Pooled connections are not reset on return: session locks must be released explicitly.
            foreach (var claimId in locked)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({ClaimDeliveryLocks.Key(claimId)})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The payer's batching window: zero sends each claim at once.</summary>
    public static TimeSpan BatchInterval(PayerProfile? payer) =>
        payer?.RouteFor(PayerCapability.Claims)?.Protocol == PayerProtocol.X12 ? payer.X12?.Options.ClaimBatchInterval ?? TimeSpan.Zero : TimeSpan.Zero;

    private async Task<DeliveryOutcome> DeliverLockedAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsSplitQuery().Where(c => ids.Contains(c.Id) && c.State == ClaimState.Queued).ToListAsync(cancellationToken);
        if (claims.Count == 0)
        {
            return DeliveryOutcome.NothingToDo;
        }

        var first = claims[0];
        if (claims.Any(c => c.PracticeId != first.PracticeId || c.PayerId != first.PayerId || c.Purpose != first.Purpose))
        {
            throw new ArgumentException("One delivery carries claims of one practice, payer and purpose.", nameof(ids));
        }

        var payer = payers.Find(first.PayerId);
        var route = payer?.RouteFor(first.Purpose);
        var protocol = route is null ? null : protocols.FirstOrDefault(p => p.Protocol == route.Protocol);
        if (payer is null || protocol is null)
        {
            // A configuration problem (the profile changed after intake), not the claims': keep them queued and say so.
            LogNoRoute(logger, first.Id, first.PayerId);
            return DeliveryOutcome.NoRoute;
        }

        var now = time.GetUtcNow();
        var outcome = DeliveryOutcome.NothingToDo;
        var pending = await db.ClaimDeliveries
            .Where(d => d.Status == ClaimDeliveryStatus.Prepared && d.PracticeId == first.PracticeId && d.PayerId == first.PayerId)
            .ToListAsync(cancellationToken);
        var covered = new HashSet<Guid>();
        foreach (var delivery in pending.Where(d => d.ClaimIds.Any(ids.Contains)))
        {
            covered.UnionWith(delivery.ClaimIds);
            if (delivery.ClaimIds.Any(id => !ids.Contains(id)))
            {
                outcome = DeliveryOutcome.Busy; // part of that transmission is held by another worker
                continue;
            }

            if (delivery.NextAttemptAt is { } next && next > now)
            {
                outcome = DeliveryOutcome.Waiting;
                continue;
            }

            var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId, cancellationToken);
            var again = new ClaimTransmission(stored.TransactionType, stored.ContentType, stored.ReadContent(protector),
                stored.InterchangeControlNumber, stored.GroupControlNumber, stored.TransactionControlNumbers, stored.SenderId, stored.ReceiverId);
            LogResending(logger, delivery.ClaimIds.Count, payer.Id, delivery.Id, delivery.Attempts);
            outcome = await SendAsync(delivery, again, [.. claims.Where(c => delivery.ClaimIds.Contains(c.Id))], payer, protocol, cancellationToken);
        }

        var fresh = claims.Where(c => !covered.Contains(c.Id)).ToList();
        while (fresh.Count > 0)
        {
            ClaimTransmission transmission;
            try
            {
                var submissions = new List<ClaimSubmission>(fresh.Count);
                foreach (var claim in fresh)
                {
                    submissions.Add(await SubmissionAsync(claim, payer, cancellationToken));
                }

                transmission = await protocol.BuildAsync(submissions, cancellationToken);
            }
            catch (ClaimBuildException ex)
            {
                // That claim's own problem: it goes back to the practice, the others are sent without it.
                var faulty = fresh.FirstOrDefault(c => c.Id == ex.ClaimId) ?? fresh[0];
                await ReturnToDraftAsync(faulty, ex.Reason ?? ex.Message, cancellationToken);
                fresh.Remove(faulty);
                outcome = DeliveryOutcome.ReturnedToDraft;
                continue;
            }

            var message = StoredMessage.Create(MessageDirection.Outbound, ProtocolName(route!.Protocol), transmission.TransactionType,
                    transmission.Content, transmission.ContentType, now, payer.Id, first.PracticeId)
                .WithEnvelope(transmission.SenderId, transmission.ReceiverId, transmission.InterchangeControlNumber,
                    transmission.GroupControlNumber, transmission.TransactionControlNumbers ?? []);
            if (route.Protocol == PayerProtocol.Dms)
            {
                // A ДМС insurer's file (claims registry, guarantee-letter request) names insured people: encrypted at rest.
                message.ProtectContent(protector);
            }

            foreach (var claim in fresh)
            {
                message.Link(claim.Id);
            }

            var delivery = ClaimDelivery.Prepare(first.PracticeId, payer.Id, ProtocolName(route.Protocol), fresh.Select(c => c.Id), message.Id,
                Guid.CreateVersion7(now).ToString(), now);
            db.Messages.Add(message);
            db.ClaimDeliveries.Add(delivery);
            await db.SaveChangesAsync(cancellationToken);
            LogPrepared(logger, fresh.Count, payer.Id, delivery.Id, transmission.InterchangeControlNumber);
            outcome = await SendAsync(delivery, transmission, fresh, payer, protocol, cancellationToken);
            break;
        }

        return outcome;
    }

    // Sends a prepared delivery; on the payer's receipt, marks it Sent and its claims Submitted in one transaction.
    private async Task<DeliveryOutcome> SendAsync(ClaimDelivery delivery, ClaimTransmission transmission, List<Claim> claims, PayerProfile payer,
        IClaimProtocol protocol, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("payer.id", payer.Id);
        activity?.SetTag("dch.delivery.id", delivery.Id.ToString());
        activity?.SetTag("dch.delivery.attempt", delivery.Attempts + 1);
        ClaimReceipt receipt;
        try
        {
            receipt = await protocol.SendAsync(payer, transmission, delivery.PayloadId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            delivery.RecordAttemptFailed(ex.Message, time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            LogSendFailed(logger, delivery.Id, payer.Id, delivery.Attempts, delivery.NextAttemptAt, ex.GetType().Name);
            return DeliveryOutcome.WillRetry;
        }

        var now = time.GetUtcNow();
        delivery.MarkSent(receipt.Receipt, now);
        foreach (var claim in claims)
        {
            if (await MarkSubmittedAsync(db, claim, delivery.MessageId, now, cancellationToken) is { } plan)
            {
                ApplyPlanAnswer(plan, claim, receipt.Decision, now);
            }

            if (receipt.PayerClaimNumbers?.TryGetValue(claim.PatientControlNumber, out var payerClaimNumber) == true)
            {
                claim.Accept(Actor, now, payerClaimNumber, delivery.MessageId);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        metrics.Delivered(payer.Id, claims.Count);
        LogSent(logger, claims.Count, payer.Id, delivery.Id, receipt.Receipt);
        return DeliveryOutcome.Sent;
    }

    /// <summary>
    /// What the payer's receipt of a transmission does to one claim in it: Submitted, with the transmission as its raw
    /// message; for a predetermination its treatment plan goes from Draft to Submitted too, and is returned (null for a claim).
    /// </summary>
    internal static async Task<PreAuthorization?> MarkSubmittedAsync(HubDbContext db, Claim claim, Guid transmissionId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        claim.MarkSubmitted(Actor, now, transmissionId);
        if (claim.Purpose != ClaimPurpose.Predetermination
            || await db.PreAuthorizations.SingleOrDefaultAsync(p => p.RequestClaimId == claim.Id, cancellationToken) is not { } plan)
        {
            return null;
        }

        if (plan.Status == PreAuthorizationStatus.Draft)
        {
            plan.MarkSubmitted(now);
        }

        return plan;
    }

    // The plan was sent; a payer that decides at once (FHIR ClaimResponse complete) gives the decision in the same answer.
    private void ApplyPlanAnswer(PreAuthorization plan, Claim claim, PlanDecision? decision, DateTimeOffset now)
    {
        if (decision is null || plan.Status != PreAuthorizationStatus.Submitted)
        {
            return;
        }

        if (!PlanAnswers.TryRecord(db, plan, claim, decision, now))
        {
            LogPartialDecision(logger, plan.Id, claim.PayerId);
        }
    }

    /// <summary>Loads the parties a protocol builder needs for <paramref name="claim"/>.</summary>
    private async Task<ClaimSubmission> SubmissionAsync(Claim claim, PayerProfile payer, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == claim.PracticeId, cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == claim.PatientId, cancellationToken);
        var coverages = await db.Coverages.AsNoTracking()
            .Where(c => c.Id == claim.CoverageId || c.Id == claim.SecondaryCoverageId).ToListAsync(cancellationToken);
        var coverage = coverages.Single(c => c.Id == claim.CoverageId);
        OtherCoverage? other = null;
        if (coverages.SingleOrDefault(c => c.Id == claim.SecondaryCoverageId) is { } second)
        {
            var otherPayer = payers.Find(second.PayerId);
            other = new OtherCoverage(second, otherPayer?.DisplayName ?? second.PayerId,
                otherPayer?.X12?.Identifiers.PayerId ?? second.PayerId, ResponsibilityIsPrimary: coverage.Order == CoverageOrder.Secondary);
        }

        return new ClaimSubmission(claim, practice, patient, coverage, payer)
        {
            Other = other, Predetermination = claim.Purpose == ClaimPurpose.Predetermination,
        };
    }

    private async Task<DeliveryOutcome> ReturnToDraftAsync(Claim claim, TimelineReason reason, CancellationToken cancellationToken)
    {
        try
        {
            claim.ReturnToDraft(Actor, time.GetUtcNow(), reason);
        }
        catch (DomainException)
        {
            return DeliveryOutcome.NothingToDo;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogReturned(logger, claim.Id, claim.PayerId);
        return DeliveryOutcome.ReturnedToDraft;
    }

    private static string ProtocolName(PayerProtocol protocol) => protocol.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared delivery {DeliveryId} of {Claims} claims to payer {PayerId} (ISA13 {ControlNumber})")]
    private static partial void LogPrepared(ILogger logger, int claims, string payerId, Guid deliveryId, string? controlNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resending delivery {DeliveryId} of {Claims} claims to payer {PayerId} unchanged (attempts so far {Attempts})")]
    private static partial void LogResending(ILogger logger, int claims, string payerId, Guid deliveryId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to payer {PayerId} failed ({Error}), attempt {Attempts}; next try after {NextAttemptAt}")]
    private static partial void LogSendFailed(ILogger logger, Guid deliveryId, string payerId, int attempts, DateTimeOffset? nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: {Claims} claims received by payer {PayerId}, receipt {Receipt}")]
    private static partial void LogSent(ILogger logger, int claims, string payerId, Guid deliveryId, string? receipt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pre-authorization {PreAuthorizationId}: payer {PayerId} answered without a decision for every line; waiting for its full decision")]
    private static partial void LogPartialDecision(ILogger logger, Guid preAuthorizationId, string payerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim {ClaimId}: payer {PayerId} has no claims route the hub can send on; the claim stays queued")]
    private static partial void LogNoRoute(ILogger logger, Guid claimId, string payerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim {ClaimId}: cannot be expressed for payer {PayerId}; returned to draft")]
    private static partial void LogReturned(ILogger logger, Guid claimId, string payerId);
}
