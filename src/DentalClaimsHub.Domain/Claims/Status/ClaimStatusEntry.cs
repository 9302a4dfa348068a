namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>
/// One status a payer reports for a claim or a service line (X12: one C043 composite of an STC). Amounts are in the
/// claim's currency and only present when the payer sent them.
/// </summary>
/// <param name="Category">Claim status category (A2, P1, F1…).</param>
/// <param name="Code">Claim status code (code list 508), empty when not sent.</param>
/// <param name="Entity">Entity identifier the status concerns (PR payer, 41 submitter…), when sent.</param>
/// <param name="EffectiveDate">The date the status took effect.</param>
/// <param name="TotalCharge">The charge the payer has on file (STC04).</param>
/// <param name="PaidAmount">What the payer paid (STC05), for finalized claims.</param>
public sealed record ClaimStatusEntry(
    string Category,
    string Code,
    string? Entity = null,
    DateOnly? EffectiveDate = null,
    decimal? TotalCharge = null,
    decimal? PaidAmount = null)
{
    public ClaimStatusOutcome Outcome => ClaimStatusCategory.OutcomeOf(Category);
}
