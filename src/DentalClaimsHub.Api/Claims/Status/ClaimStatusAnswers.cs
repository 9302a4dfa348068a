using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Claims.Status;

namespace DentalClaimsHub.Api.Claims.Status;

/// <summary>
/// What a payer's 277 (asked for by our 276, or pushed unsolicited) does to a claim still waiting on the payer: accepted,
/// pending (P*), rejected, or denied (F2) — with the status in plain English on the timeline. A claim that has moved on
/// (paid, denied by an 835, corrected) is never reopened by a status answer; money only ever comes from the 835.
/// </summary>
public static class ClaimStatusAnswers
{
    /// <summary>The states in which a claim waits on its payer, and so listens to status answers.</summary>
    public static readonly ClaimState[] Watched = [ClaimState.Acknowledged, ClaimState.Accepted, ClaimState.Pending];

    public static string Describe(ClaimStatusResult result, X12CodeDescriptions codes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(codes);
        if (result.Summary is { Length: > 0 } summary)
        {
            return summary;
        }

        return result.Current is { } current
            ? $"277 {current.Category}:{current.Code}{(current.Entity is { Length: > 0 } e ? ":" + e : "")}: "
              + codes.DescribeStatus(string.Join(':', new[] { current.Category, current.Code, current.Entity ?? "" }.Where(p => p.Length > 0)))
            : "277 without a claim status";
    }

    /// <summary><see cref="Describe"/> with the status codes it words, for the timeline.</summary>
    public static TimelineReason Reason(ClaimStatusResult result, X12CodeDescriptions codes) =>
        new(Describe(result, codes), TimelineReasonCodes.ClaimStatus,
            result.Current is { } current ? [$"{current.Category}:{current.Code}", current.Entity ?? ""] : []);

    /// <summary>Applies <paramref name="result"/>; true when the claim's state changed.</summary>
    public static bool Apply(Claim claim, ClaimStatusResult result, TimelineReason said, string actor, DateTimeOffset now, Guid? rawMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        if (!Watched.Contains(claim.State))
        {
            return false;
        }

        var before = claim.Timeline.Count;
        void AcceptFirst() => claim.AcceptImplied(actor, now, result.PayerClaimNumber, rawMessageId);

        switch (result.Outcome)
        {
            case ClaimStatusOutcome.Accepted:
                AcceptFirst();
                break;
            case ClaimStatusOutcome.Pending when claim.State is ClaimState.Acknowledged or ClaimState.Accepted:
                AcceptFirst();
                claim.MarkPending(actor, now, said, rawMessageId);
                break;
            case ClaimStatusOutcome.Rejected when claim.CanTransitionTo(ClaimState.Rejected):
                claim.Reject(actor, now, said, rawMessageId);
                break;
            case ClaimStatusOutcome.Finalized when result.Denied:
                AcceptFirst();
                if (claim.CanTransitionTo(ClaimState.Denied))
                {
                    claim.RecordAdjudication(ClaimState.Denied, actor, now, reason: said, rawMessageId: rawMessageId);
                }

                break;
        }

        return claim.Timeline.Count > before;
    }
}
