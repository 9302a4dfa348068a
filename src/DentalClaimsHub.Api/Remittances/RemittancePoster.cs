using System.Diagnostics;
using System.Globalization;
using DentalClaimsHub.Adapters.X12.Remittances;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.X12.Parsing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>What posting a file's remittances did.</summary>
public sealed record RemittancePosting(IReadOnlyList<Guid> RemittanceIds, int ClaimsUpdated, IReadOnlyList<IngestNote> Notes);

/// <summary>
/// Posts remittances: finds the payee practice (NPI), refuses to post one that breaks a balancing rule, could not be read
/// whole, or repeats a payment already posted (payer + trace number) — those are kept and flagged for review — then
/// matches each claim payment to our claim by CLP01 (and its lines by REF*6R) and applies it: Paid / PartiallyPaid /
/// Denied with the CARC/RARC reasons, a reversal (CLP02 22) reopens the claim to Pending until it is paid again, a
/// predetermination (CLP02 25) records the plan's decision. A payment without a claim waits in the review queue.
/// Runs inside the caller's transaction; the caller saves.
/// </summary>
public sealed class RemittancePoster(HubDbContext db, Remittance835Reader reader, RemittanceReasons reasons, ILogger<RemittancePoster> logger)
{
    public const string Actor = "hub:remittance";
    private const int MatchChunk = 2000;

    /// <summary>Reads every 835 transaction set in <paramref name="document"/> and posts it.</summary>
    public async Task<RemittancePosting> PostAsync(string payer, X12Document document, StoredMessage stored, DateTimeOffset now, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = reader.Read(document, payer, now, stored.Id);
        var read = clock.Elapsed;
        var notes = (report.Transactions.Count == 0 ? report.Problems : []).Select(IngestNotes.Read).ToList();
        var ids = new List<Guid>();
        var updated = 0;
        foreach (var transaction in report.Transactions)
        {
            var (claims, transactionNotes) = await PostAsync(transaction.Remittance, transaction.ReadProblems, stored, now, ct);
            updated += claims;
            notes.AddRange(transactionNotes);
            ids.Add(transaction.Remittance.Id);
        }

        logger.LogDebug("835 posting {MessageId}: {Payments} claim payments read in {ReadMs} ms, matched and applied in {ApplyMs} ms",
            stored.Id, report.Transactions.Sum(t => t.Remittance.ClaimPayments.Count), (long)read.TotalMilliseconds,
            (long)(clock.Elapsed - read).TotalMilliseconds);
        return new RemittancePosting(ids, updated, notes);
    }

    /// <summary>Stores <paramref name="remittance"/> and posts it unless <paramref name="readProblems"/> or a check says otherwise.</summary>
    public async Task<(int ClaimsUpdated, IReadOnlyList<IngestNote> Notes)> PostAsync(
        Remittance remittance, IReadOnlyList<RemittanceProblem> readProblems, StoredMessage? stored, DateTimeOffset now, CancellationToken ct)
    {
        db.Remittances.Add(remittance);
        stored?.Link(remittance.Id);
        var label = new RemittanceLabel(remittance.SourceReference ?? remittance.Id.ToString(), remittance.Payment.TraceNumber);
        var notes = new List<IngestNote>();
        // Several practices of a group may bill under one NPI: the payee's candidates are all of them, and the remittance
        // belongs to the one whose claims it pays (PCNs are unique per payer).
        List<Guid> candidates = remittance.PayeeId is { } payee && Npi.TryParse(payee, out var npi)
            ? await db.Practices.AsNoTracking().Where(p => p.Npi == npi).Select(p => p.Id).ToListAsync(ct)
            : [];
        var clock = Stopwatch.StartNew();
        var claims = candidates.Count == 0 ? [] : await LoadClaimsAsync(remittance, candidates, ct);
        logger.LogDebug("835 posting {RemittanceId}: {Claims} claims loaded in {LoadMs} ms", remittance.Id, claims.Count,
            (long)clock.Elapsed.TotalMilliseconds);
        // With several candidates and no claim to tell them apart, nobody gets it: it waits in the hub-wide review queue.
        if (candidates.Count == 1 || claims.Count > 0)
        {
            remittance.AssignPractice(claims.Count == 0 ? candidates[0]
                : claims.Values.GroupBy(c => c.PracticeId).OrderByDescending(g => g.Count()).First().Key);
            claims = claims.Where(c => c.Value.PracticeId == remittance.PracticeId).ToDictionary(StringComparer.Ordinal);
        }
        else if (candidates.Count > 1)
        {
            notes.Add(IngestNotes.Payee(label, remittance.PayeeId, candidates.Count));
        }

        if (!await CanPostAsync(remittance, readProblems, candidates.Count > 0, ct))
        {
            Enqueue(remittance, now);
            return (0, [.. notes, .. remittance.Problems.Select(p => IngestNotes.NotPosted(label, remittance.Status.ToString(), p))]);
        }

        var updated = await ApplyPaymentsAsync(remittance, claims, stored, label, notes, refusalsReduce: false, now, ct);
        remittance.MarkPosted(now);
        Enqueue(remittance, now);
        return (updated.Count, notes);
    }

    /// <summary>
    /// Posts a remittance whose payee is already known: a ДМС insurer's act names the clinic by ИНН or comes in under the clinic's
    /// own key, never by NPI. The claims are this practice's only. A ДМС refusal (снятие) is a CO adjustment — the clinic may not
    /// bill the patient for it — yet the clinic was paid less than it billed, so a partly refused claim is PartiallyPaid, not Paid.
    /// </summary>
    public async Task<(int ClaimsUpdated, IReadOnlyList<IngestNote> Notes)> PostForPracticeAsync(
        Remittance remittance, Guid practiceId, StoredMessage? stored, DateTimeOffset now, CancellationToken ct)
    {
        db.Remittances.Add(remittance);
        stored?.Link(remittance.Id);
        remittance.AssignPractice(practiceId);
        var label = new RemittanceLabel(remittance.SourceReference ?? remittance.Id.ToString(), remittance.Payment.TraceNumber);
        var claims = await LoadClaimsAsync(remittance, [practiceId], ct);
        if (!await CanPostAsync(remittance, [], payeeKnown: true, ct))
        {
            Enqueue(remittance, now);
            return (0, [.. remittance.Problems.Select(p => IngestNotes.NotPosted(label, remittance.Status.ToString(), p))]);
        }

        var notes = new List<IngestNote>();
        var updated = await ApplyPaymentsAsync(remittance, claims, stored, label, notes, refusalsReduce: true, now, ct);
        remittance.MarkPosted(now);
        Enqueue(remittance, now);
        return (updated.Count, notes);
    }

    private async Task<HashSet<Guid>> ApplyPaymentsAsync(Remittance remittance, Dictionary<string, Claim> claims, StoredMessage? stored, RemittanceLabel label,
        List<IngestNote> notes, bool refusalsReduce, DateTimeOffset now, CancellationToken ct)
    {
        var updated = new HashSet<Guid>();
        foreach (var payment in remittance.ClaimPayments)
        {
            if (!claims.TryGetValue(payment.PatientControlNumber, out var claim))
            {
                var unmatched = PaymentNotes.Unmatched(payment.PatientControlNumber, remittance.PayerId);
                payment.Annotate(unmatched.Text, unmatched.Code, unmatched.Args);
                notes.Add(IngestNotes.Unmatched(label, payment.Ordinal, payment.PatientControlNumber));
                continue;
            }

            payment.MatchTo(claim.Id, MatchLines(payment, claim));
            var before = claim.Timeline.Count;
            PaymentNote? note;
            try
            {
                note = await ApplyAsync(payment, claim, remittance, refusalsReduce, now, ct);
            }
            catch (DomainException e)
            {
                // Checked before any change is made; a rule that still refuses leaves the claim as it was, the payment on review.
                note = PaymentNotes.Refused(e);
                notes.Add(IngestNotes.Refused(label, payment.Ordinal, payment.PatientControlNumber, e));
            }

            payment.MarkPosted(now, note?.Text, note?.Code, note?.Args);
            stored?.Link(claim.Id);
            if (claim.Timeline.Count > before)
            {
                updated.Add(claim.Id);
            }
        }

        return updated;
    }

    /// <summary>
    /// Posts a payment that matched no claim to the <paramref name="claim"/> a person chose, exactly as a matched payment is
    /// posted (service lines matched, the claim's outcome applied, the payment marked posted with what that changed).
    /// The caller checks the claim may take it (same payer and practice) and saves.
    /// </summary>
    public async Task<PaymentNote?> PostManualMatchAsync(Remittance remittance, ClaimPayment payment, Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(claim);
        payment.MatchTo(claim.Id, MatchLines(payment, claim));
        PaymentNote? note;
        try
        {
            note = await ApplyAsync(payment, claim, remittance, refusalsReduce: false, now, ct);
        }
        catch (DomainException e)
        {
            note = PaymentNotes.Refused(e);
        }

        payment.MarkPosted(now, note?.Text, note?.Code, note?.Args);
        return note;
    }

    private async Task<bool> CanPostAsync(Remittance remittance, IReadOnlyList<RemittanceProblem> readProblems, bool payeeKnown, CancellationToken ct)
    {
        if (readProblems.Count > 0)
        {
            remittance.Flag(RemittanceStatus.Unreadable, readProblems);
            return false;
        }

        if (!payeeKnown)
        {
            remittance.Flag(RemittanceStatus.UnknownPayee, [RemittanceProblems.Payee(remittance.PayeeId)]);
            return false;
        }

        if (remittance.BalanceProblems() is { Count: > 0 } balance)
        {
            remittance.Flag(RemittanceStatus.Unbalanced, balance);
            return false;
        }

        var trace = remittance.Payment.TraceNumber;
        var duplicate = await db.Remittances.AsNoTracking().AnyAsync(r => r.PayerId == remittance.PayerId && r.Status == RemittanceStatus.Posted
            && r.Payment.TraceNumber == trace && r.Payment.Amount.Amount == remittance.Payment.Amount.Amount && r.Id != remittance.Id, ct);
        if (duplicate)
        {
            remittance.Flag(RemittanceStatus.DuplicatePayment, [RemittanceProblems.Duplicate(trace, remittance.Payment.Amount, remittance.PayerId)]);
            return false;
        }

        return true;
    }

    private async Task<Dictionary<string, Claim>> LoadClaimsAsync(Remittance remittance, List<Guid> practices, CancellationToken ct)
    {
        var pcns = remittance.ClaimPayments.Select(p => p.PatientControlNumber).Distinct().ToList();
        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var chunk in pcns.Chunk(MatchChunk))
        {
            // Lines to match service lines; not the timeline: new entries are numbered from the claim's TimelineLength.
            var found = await db.Claims.IgnoreAutoIncludes().Include(c => c.Lines).AsSplitQuery()
                .Where(c => c.PayerId == remittance.PayerId && practices.Contains(c.PracticeId) && chunk.Contains(c.PatientControlNumber))
                .ToListAsync(ct);
            foreach (var claim in found)
            {
                claims[claim.PatientControlNumber] = claim;
            }
        }

        return claims;
    }

    // REF*6R echoes our line control number; without it, the n-th service line with the same procedure code.
    private static List<int?> MatchLines(ClaimPayment payment, Claim claim)
    {
        var taken = new HashSet<int>();
        var numbers = new List<int?>();
        foreach (var line in payment.ServiceLines)
        {
            var match = claim.Lines.FirstOrDefault(l => !taken.Contains(l.LineNumber) && line.LineControlNumber is { } lcn && l.LineControlNumber == lcn)
                ?? claim.Lines.FirstOrDefault(l => !taken.Contains(l.LineNumber) && line.LineControlNumber is null && line.Procedure == l.Procedure);
            if (match is not null)
            {
                taken.Add(match.LineNumber);
            }

            numbers.Add(match?.LineNumber);
        }

        return numbers;
    }

    private async Task<PaymentNote?> ApplyAsync(ClaimPayment payment, Claim claim, Remittance remittance, bool refusalsReduce, DateTimeOffset now,
        CancellationToken ct)
    {
        var source = remittance.RawMessageId;
        switch (payment.Status)
        {
            case ClaimPaymentStatus.Reversal:
                if (!claim.CanTransitionTo(ClaimState.Pending))
                {
                    return PaymentNotes.Reversal(claim.State.ToString());
                }

                claim.MarkPending(Actor, now, new TimelineReason($"Payer reversed its earlier adjudication (CLP02 22, {payment.Paid} taken back).",
                    TimelineReasonCodes.Reversal, [payment.Paid.Amount.ToString(CultureInfo.InvariantCulture), payment.Paid.Currency]), source);
                return null;
            case ClaimPaymentStatus.PredeterminationPricingOnly:
                return await RecordPredeterminationAsync(payment, claim, now, ct);
            case ClaimPaymentStatus.NotOurClaimForwarded:
                return PaymentNotes.Forwarded;
        }

        var outcome = payment.ToClaimOutcome() ?? throw new DomainException($"CLP02 {payment.Status} has no outcome.", nameof(payment));
        if (refusalsReduce && outcome == ClaimState.Paid && payment.Paid < payment.Charge)
        {
            outcome = ClaimState.PartiallyPaid;
        }

        if (claim.State is ClaimState.Submitted or ClaimState.Acknowledged && !ClaimTransitions.IsAllowed(ClaimState.Accepted, outcome))
        {
            return PaymentNotes.Unchanged(claim.State.ToString());
        }

        // The 835 is the payer's acceptance too when its 277CA never came. The payer may number the adjudicated claim
        // (CLP07) differently from its acknowledgement (277CA REF*1K): the claim keeps the first; the payment keeps its own.
        claim.AcceptImplied(Actor, now, payment.PayerClaimNumber, source);
        if (claim.State == outcome)
        {
            return PaymentNotes.Already(outcome.ToString());
        }

        if (!claim.CanTransitionTo(outcome))
        {
            return PaymentNotes.Unchanged(claim.State.ToString());
        }

        claim.RecordAdjudication(outcome, Actor, now, claim.PayerClaimNumber is null ? payment.PayerClaimNumber : null, reasons.Reason(payment), source);
        return null;
    }

    private async Task<PaymentNote?> RecordPredeterminationAsync(ClaimPayment payment, Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        var plan = claim.Purpose == ClaimPurpose.Predetermination
            ? await db.PreAuthorizations.SingleOrDefaultAsync(p => p.RequestClaimId == claim.Id, ct)
            : null;
        if (plan is null || plan.Status is not (PreAuthorizationStatus.Submitted or PreAuthorizationStatus.InformationRequested))
        {
            return PaymentNotes.PlanMissing;
        }

        // The anticipated payment of a predetermined line is its OA-101 adjustment (CARC 101: paid once the work is done).
        var byLine = payment.ServiceLines.Where(l => l.ClaimLineNumber is not null).ToDictionary(l => l.ClaimLineNumber!.Value);
        var decisions = plan.Lines.Select(l =>
            {
                if (!byLine.TryGetValue(l.LineNumber, out var priced))
                {
                    return new LineDecisionInput(l.LineNumber, LineDecision.Denied, null, "Not priced in the payer's predetermination.");
                }

                var anticipated = priced.Adjustments.Where(a => a.ReasonCode == "101").Select(a => a.Amount).ToList();
                var approved = anticipated.Count > 0 ? Money.Sum(anticipated, priced.Charge.Currency) : priced.Paid;
                return new LineDecisionInput(l.LineNumber, approved.IsZero ? LineDecision.Denied : LineDecision.Approved, approved,
                    reasons.DescribeLine(priced));
            })
            .ToList();
        plan.RecordDecision(decisions, now, payment.PayerClaimNumber);
        db.Enqueue(PreAuthorizationDecided.Of(plan), now, plan.PracticeId);
        if (claim.CanTransitionTo(ClaimState.Closed) && claim.State is not (ClaimState.Submitted or ClaimState.Acknowledged))
        {
            claim.Close(Actor, now, new TimelineReason("Predetermination answered (835 CLP02 25).", TimelineReasonCodes.Predetermination));
        }

        return PaymentNotes.Plan(plan.Status.ToString());
    }

    private void Enqueue(Remittance remittance, DateTimeOffset now)
    {
        if (remittance.PracticeId is { } practiceId)
        {
            db.Enqueue(RemittanceEvent.Of(remittance), now, practiceId, "remittance:" + remittance.Id);
        }
    }
}
