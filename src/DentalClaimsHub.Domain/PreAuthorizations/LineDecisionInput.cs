using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.PreAuthorizations;

/// <summary>The payer's decision for one line, as read from a response (278, ClaimResponse, 837 PB response, ДМС letter).</summary>
public sealed record LineDecisionInput(int LineNumber, LineDecision Decision, Money? ApprovedAmount = null, string? Note = null);
