using System.Collections.Frozen;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// The claim lifecycle as data: which state may follow which. Anything not listed is illegal.
/// </summary>
public static class ClaimTransitions
{
    private static readonly FrozenDictionary<ClaimState, ClaimState[]> Allowed = new Dictionary<ClaimState, ClaimState[]>
    {
        // A draft may be abandoned; nothing was sent, so it closes rather than voids.
        [ClaimState.Draft] = [ClaimState.Validated, ClaimState.Closed],
        [ClaimState.Validated] = [ClaimState.Queued, ClaimState.Draft],
        [ClaimState.Queued] = [ClaimState.Submitted, ClaimState.Draft],
        // A 999/TA1 rejection skips acknowledgement; a 277CA may overtake a late 999.
        [ClaimState.Submitted] = [ClaimState.Acknowledged, ClaimState.Rejected, ClaimState.Accepted],
        [ClaimState.Acknowledged] = [ClaimState.Accepted, ClaimState.Rejected],
        // An 835 may arrive without any 277 in between.
        [ClaimState.Accepted] =
            [ClaimState.Pending, ClaimState.Paid, ClaimState.PartiallyPaid, ClaimState.Denied, ClaimState.Corrected, ClaimState.Voided],
        [ClaimState.Rejected] = [ClaimState.Draft, ClaimState.Closed],
        [ClaimState.Pending] =
            [ClaimState.Paid, ClaimState.PartiallyPaid, ClaimState.Denied, ClaimState.Rejected, ClaimState.Corrected, ClaimState.Voided],
        // A reversal (835 CLP02 22) takes an adjudication back: the claim waits again for the payer's new one.
        [ClaimState.Paid] = [ClaimState.Closed, ClaimState.Corrected, ClaimState.Voided, ClaimState.Pending],
        // A later 835 can pay the rest.
        [ClaimState.PartiallyPaid] = [ClaimState.Paid, ClaimState.Closed, ClaimState.Corrected, ClaimState.Voided, ClaimState.Pending],
        [ClaimState.Denied] = [ClaimState.Closed, ClaimState.Corrected, ClaimState.Voided, ClaimState.Pending],
        [ClaimState.Corrected] = [ClaimState.Closed],
        [ClaimState.Voided] = [ClaimState.Closed],
        [ClaimState.Closed] = [],
    }.ToFrozenDictionary();

    /// <summary>True when a claim in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(ClaimState from, ClaimState to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>The states reachable in one step from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ClaimState> From(ClaimState from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>True for states in which the claim's content may still be edited.</summary>
    public static bool IsEditable(ClaimState state) => state == ClaimState.Draft;

    /// <summary>True when nothing can follow.</summary>
    public static bool IsTerminal(ClaimState state) => From(state).Count == 0;
}
