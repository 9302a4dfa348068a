using System.Text.Json.Serialization;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Practices;

/// <summary>
/// The provider a payer message names (X12 NM1*1P, 85, 82; FHIR Practitioner/Organization): either an organisation —
/// usually the practice itself — or a person, with the identifiers payers match on.
/// </summary>
public sealed record ProviderIdentity
{
    [JsonConstructor]
    public ProviderIdentity(Npi? npi, string? organizationName = null, PersonName? person = null, string? taxonomyCode = null)
    {
        var organization = Guard.Optional(organizationName, nameof(OrganizationName), 60);
        if ((organization is null) == (person is null))
        {
            throw new DomainException("A provider is either an organisation (name) or a person (first and last name), not both or neither.",
                nameof(OrganizationName));
        }

        Npi = npi;
        OrganizationName = organization;
        Person = person;
        TaxonomyCode = Guard.Optional(taxonomyCode, nameof(TaxonomyCode), 10)?.ToUpperInvariant();
    }

    public Npi? Npi { get; }

    /// <summary>Set for an organisation, null for a person.</summary>
    public string? OrganizationName { get; }

    /// <summary>Set for a person, null for an organisation.</summary>
    public PersonName? Person { get; }

    /// <summary>NUCC health care provider taxonomy code, e.g. <c>1223G0001X</c> (general practice dentistry).</summary>
    public string? TaxonomyCode { get; }

    [JsonIgnore]
    public bool IsOrganization => OrganizationName is not null;

    /// <summary>The practice as an organisation with its NPI.</summary>
    public static ProviderIdentity Of(Practice practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return new ProviderIdentity(practice.Npi, organizationName: practice.Name.Length <= 60 ? practice.Name : practice.Name[..60]);
    }

    /// <summary>An individual provider of the practice.</summary>
    public static ProviderIdentity Of(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new ProviderIdentity(provider.Npi, person: provider.Name, taxonomyCode: provider.TaxonomyCode);
    }
}
