namespace DentalClaimsHub.Domain.Remittances;

/// <summary>
/// A remittance arrived for a practice: <c>remittance.posted</c> when its payments were applied, <c>remittance.flagged</c>
/// when it was kept for review instead (unbalanced, duplicate payment, unreadable). Ids, codes and amounts only, never PHI.
/// </summary>
public sealed record RemittanceEvent(
    string EventType,
    Guid RemittanceId,
    Guid PracticeId,
    string PayerId,
    string TraceNumber,
    decimal Amount,
    string Currency,
    DateOnly? PaymentDate,
    RemittanceStatus Status,
    int ClaimPayments,
    int Unmatched,
    DateTimeOffset At)
{
    public const string Posted = "remittance.posted";
    public const string Flagged = "remittance.flagged";

    public static RemittanceEvent Of(Remittance remittance)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        var practiceId = remittance.PracticeId ?? throw new DomainException("A remittance event needs the payee practice.", nameof(remittance));
        return new RemittanceEvent(remittance.Status == RemittanceStatus.Posted ? Posted : Flagged, remittance.Id, practiceId, remittance.PayerId,
            remittance.Payment.TraceNumber, remittance.Payment.Amount.Amount, remittance.Payment.Amount.Currency, remittance.Payment.PaymentDate,
            remittance.Status, remittance.ClaimPayments.Count, remittance.UnmatchedCount, remittance.PostedAt ?? remittance.ReceivedAt);
    }
}
