namespace DentalClaimsHub.Storage.Access;

/// <summary>The scopes an API key can carry. Practice keys get the practice scopes; insurer keys the inbound one.</summary>
public static class Scopes
{
    public const string PatientsRead = "patients:read";
    public const string PatientsWrite = "patients:write";
    public const string Eligibility = "eligibility";
    public const string Estimates = "estimates";
    public const string ClaimsRead = "claims:read";
    public const string ClaimsWrite = "claims:write";
    public const string RemittancesRead = "remittances:read";
    public const string Webhooks = "webhooks";
    public const string Inbound = "inbound";

    public static readonly IReadOnlyList<string> Practice =
        [PatientsRead, PatientsWrite, Eligibility, Estimates, ClaimsRead, ClaimsWrite, RemittancesRead, Webhooks];

    public static readonly IReadOnlyList<string> Insurer = [Inbound];

    public static readonly IReadOnlySet<string> All = new HashSet<string>([.. Practice, .. Insurer], StringComparer.Ordinal);
}
