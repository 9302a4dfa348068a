namespace DentalClaimsHub.Domain.PreAuthorizations;

/// <summary>
/// The payer decided a treatment plan (webhook event <c>preauth.decided</c>): written to the outbox with the decision.
/// Ids, codes and amounts only, never PHI.
/// </summary>
public sealed record PreAuthorizationDecided(
    string EventType,
    Guid PreAuthorizationId,
    Guid PracticeId,
    string PayerId,
    Guid? RequestClaimId,
    PreAuthorizationStatus Status,
    string? ReferenceNumber,
    decimal TotalApproved,
    string Currency,
    DateTimeOffset DecidedAt)
{
    public const string Name = "preauth.decided";

    public static PreAuthorizationDecided Of(PreAuthorization plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PreAuthorizationDecided(Name, plan.Id, plan.PracticeId, plan.PayerId, plan.RequestClaimId, plan.Status, plan.ReferenceNumber,
            plan.TotalApproved.Amount, plan.Currency, plan.DecidedAt ?? plan.UpdatedAt);
    }
}
