namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>
/// Why a claim line in the period was left out of the registry. The message names codes and amounts, never the patient:
/// it is safe to log and to show to whoever can read the claim.
/// </summary>
/// <param name="Code">A stable key: not-804n, unknown-service, no-diagnosis, diagnosis-not-specific, no-policy, no-service-date, not-rubles, uneven-price.</param>
public sealed record DmsRegistryProblem(Guid ClaimId, string ClaimNumber, int LineNumber, string Code, string Message);
