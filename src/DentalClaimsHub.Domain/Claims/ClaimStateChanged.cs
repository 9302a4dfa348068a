namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// A claim moved on its lifecycle: one event per timeline entry, written to the outbox in the transaction that made the
/// change (ordered per claim), consumed by the submitter and by webhooks. Carries ids and codes only, never PHI.
/// </summary>
/// <param name="EventType">The webhook event name, e.g. <c>claim.submitted</c>; see <see cref="NameOf"/>.</param>
/// <param name="ClaimId">The claim that changed.</param>
/// <param name="PracticeId">Its practice (tenant).</param>
/// <param name="PayerId">Its payer profile.</param>
/// <param name="PatientControlNumber">CLM01, the number the practice and the payer both know the claim by.</param>
/// <param name="Sequence">The timeline entry's number: consumers apply events of one claim in this order.</param>
/// <param name="From">The state before, null for the creation entry.</param>
/// <param name="To">The state now.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Reason">Why, when the change has a reason (rejections, denials, corrections).</param>
/// <param name="RawMessageId">The stored message that caused or carried the change, if any.</param>
public sealed record ClaimStateChanged(
    string EventType,
    Guid ClaimId,
    Guid PracticeId,
    string PayerId,
    string PatientControlNumber,
    int Sequence,
    ClaimState? From,
    ClaimState To,
    DateTimeOffset At,
    string? Reason,
    Guid? RawMessageId)
{
    /// <summary>The event name of entering <paramref name="state"/>: <c>claim.created</c> for a new draft, else <c>claim.&lt;state&gt;</c> in kebab case.</summary>
    public static string NameOf(ClaimState? from, ClaimState state) => (from, state) switch
    {
        (null, _) => "claim.created",
        (_, ClaimState.PartiallyPaid) => "claim.partially-paid",
        _ => "claim." + state.ToString().ToLowerInvariant(),
    };

    /// <summary>The event of one timeline entry of <paramref name="claim"/>.</summary>
    public static ClaimStateChanged Of(Claim claim, ClaimTimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(entry);
        return new ClaimStateChanged(NameOf(entry.From, entry.To), claim.Id, claim.PracticeId, claim.PayerId, claim.PatientControlNumber,
            entry.Sequence, entry.From, entry.To, entry.At, entry.Reason, entry.RawMessageId);
    }
}
