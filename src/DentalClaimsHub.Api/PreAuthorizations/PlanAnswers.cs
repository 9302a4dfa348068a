using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Outbox;

namespace DentalClaimsHub.Api.PreAuthorizations;

/// <summary>Records a payer's decision on a treatment plan, whether it came with the submission or later (FHIR ClaimResponse).</summary>
public static class PlanAnswers
{
    /// <summary>
    /// Records <paramref name="decision"/> on <paramref name="plan"/> and announces it (<c>preauth.decided</c>); false when the
    /// decision does not cover every planned line (nothing recorded then).
    /// </summary>
    public static bool TryRecord(HubDbContext db, PreAuthorization plan, Claim claim, PlanDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(decision);
        var byLine = decision.Lines.ToDictionary(l => l.LineNumber);
        if (plan.Lines.Any(l => !byLine.ContainsKey(l.LineNumber)))
        {
            return false;
        }

        plan.RecordDecision(
            [.. plan.Lines.Select(l => byLine[l.LineNumber] is { ApprovedAmount: > 0 } approved
                ? new LineDecisionInput(l.LineNumber, LineDecision.Approved, new Money(approved.ApprovedAmount!.Value, claim.Currency), approved.Note)
                : new LineDecisionInput(l.LineNumber, LineDecision.Denied, null, byLine[l.LineNumber].Note))],
            now, decision.ReferenceNumber, payerNote: decision.Note);
        db.Enqueue(PreAuthorizationDecided.Of(plan), now, plan.PracticeId, HubDbContext.ClaimOrderingKey(claim.Id));
        return true;
    }
}
