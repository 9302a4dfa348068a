namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The X12 part of a payer profile.</summary>
/// <param name="Identifiers">Envelope and payer identifiers.</param>
/// <param name="Options">Interpretation choices.</param>
public sealed record X12Settings(X12Identifiers Identifiers, X12Options Options);
