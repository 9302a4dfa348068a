using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// The parties a submitted claim references: the billing practice and the rendering dentist (coverages are in
/// <see cref="FhirClaimCoverages"/>). Patient and insurer are the eligibility mapping's, so both flows describe them alike.
/// </summary>
internal static class FhirClaimResources
{
    public static ResourceReference PatientReference(ClaimSubmission submission) =>
        FhirEligibilityResources.Reference("Patient", submission.Patient.Id);

    public static ResourceReference PracticeReference(Practice practice)
    {
        var reference = new ResourceReference($"Organization/{practice.Id}", practice.Name);
        if (practice.Npi is { } npi)
        {
            reference.Identifier = new Identifier(FhirSystems.Npi, npi.Value);
        }

        return reference;
    }

    public static ResourceReference RenderingReference(ClaimSubmission submission, ProviderIdentity provider)
    {
        var reference = new ResourceReference($"{ProviderType(provider)}/{RenderingId(submission, provider)}");
        if (provider.Npi is { } npi)
        {
            reference.Identifier = new Identifier(FhirSystems.Npi, npi.Value);
        }

        return reference;
    }

    public static Hl7.Fhir.Model.Patient Patient(ClaimSubmission submission) => FhirEligibilityResources.Patient(submission.Patient);

    public static Organization Insurer(ClaimSubmission submission) => FhirEligibilityResources.Insurer(submission.Payer);

    /// <summary>The billing practice with every identifier it has (NPI and TIN in the US, ИНН and ОГРН in Russia).</summary>
    public static Organization Practice(Practice practice)
    {
        var organization = new Organization { Id = practice.Id.ToString(), Name = practice.Name, Active = true };
        if (practice.Npi is { } npi)
        {
            organization.Identifier.Add(new Identifier(FhirSystems.Npi, npi.Value));
        }

        if (practice.TaxId is { } taxId)
        {
            organization.Identifier.Add(new Identifier(FhirClaimSystems.UsTaxId, taxId));
        }

        if (practice.Inn is { } inn)
        {
            organization.Identifier.Add(new Identifier(FhirClaimSystems.Inn, inn.Value));
        }

        if (practice.Ogrn is { } ogrn)
        {
            organization.Identifier.Add(new Identifier(FhirClaimSystems.Ogrn, ogrn.Value));
        }

        if (practice.Address is { } address)
        {
            organization.Address.Add(Address(address));
        }

        return organization;
    }

    /// <summary>The rendering provider: a Practitioner with its taxonomy as qualification, or an Organization.</summary>
    public static DomainResource Rendering(ClaimSubmission submission, ProviderIdentity provider)
    {
        var id = RenderingId(submission, provider);
        var identifiers = provider.Npi is { } npi ? new List<Identifier> { new(FhirSystems.Npi, npi.Value) } : [];
        if (provider.Person is not { } person)
        {
            return new Organization { Id = id, Name = provider.OrganizationName, Identifier = identifiers };
        }

        var practitioner = new Practitioner { Id = id, Name = [Name(person)], Identifier = identifiers };
        if (provider.TaxonomyCode is { } taxonomy)
        {
            practitioner.Qualification.Add(new Practitioner.QualificationComponent
            {
                Code = new CodeableConcept(FhirSystems.Taxonomy, taxonomy),
            });
        }

        return practitioner;
    }

    public static Hl7.Fhir.Model.Address Address(Domain.Patients.Address address)
    {
        var result = new Hl7.Fhir.Model.Address
        {
            Use = Hl7.Fhir.Model.Address.AddressUse.Work,
            Line = address.Line2 is null ? [address.Line1] : [address.Line1, address.Line2],
            City = address.City,
            Country = address.CountryCode,
        };
        if (address.Region.Length > 0)
        {
            result.State = address.Region;
        }

        if (address.PostalCode.Length > 0)
        {
            result.PostalCode = address.PostalCode;
        }

        return result;
    }

    private static string ProviderType(ProviderIdentity provider) => provider.IsOrganization ? "Organization" : "Practitioner";

    /// <summary>A stable id: the NPI when known, else one derived from the claim (the snapshot is not one of our records).</summary>
    private static string RenderingId(ClaimSubmission submission, ProviderIdentity provider) =>
        provider.Npi is { } npi ? $"npi-{npi.Value}" : $"rendering-{submission.Claim.Id:N}";

    private static HumanName Name(PersonName name)
    {
        var human = new HumanName { Family = name.Last, Given = name.Middle is null ? [name.First] : [name.First, name.Middle] };
        if (name.Suffix is not null)
        {
            human.Suffix = [name.Suffix];
        }

        return human;
    }
}
