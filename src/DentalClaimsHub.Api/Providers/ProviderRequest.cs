namespace DentalClaimsHub.Api.Providers;

/// <summary>
/// A provider named in a request: an organisation (<c>organizationName</c>) or a person (<c>lastName</c> and
/// <c>firstName</c>), with the NPI US payers require.
/// </summary>
public sealed record ProviderRequest
{
    /// <example>1234567893</example>
    public string? Npi { get; init; }

    /// <example>Maple Street Dental</example>
    public string? OrganizationName { get; init; }

    public string? LastName { get; init; }

    public string? FirstName { get; init; }

    /// <summary>NUCC taxonomy code.</summary>
    /// <example>1223G0001X</example>
    public string? TaxonomyCode { get; init; }
}
