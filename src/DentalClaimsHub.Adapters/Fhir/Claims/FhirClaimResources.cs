using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// The resources a submitted claim references: the coverages billed and coordinated, the billing practice and the
/// rendering dentist. Patient and insurer are the eligibility mapping's, so both flows describe them alike.
/// </summary>
internal static class FhirClaimResources
{
    public static ResourceReference PatientReference(ClaimSubmission submission) =>
        FhirEligibilityResources.Reference("Patient", submission.Patient.Id);

    /// <summary>The billed coverage, with the member id as a logical identifier (like the eligibility request).</summary>
    public static ResourceReference CoverageReference(Domain.Coverages.Coverage coverage) =>
        FhirEligibilityResources.CoverageReference(coverage);

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

    /// <summary>
    /// The coverage billed; its payer is the claim's insurer. Its <c>order</c> is second when the other payer pays first
    /// (this is then the secondary claim), else the coverage's own order.
    /// </summary>
    public static Hl7.Fhir.Model.Coverage Coverage(ClaimSubmission submission) =>
        CoverageResource(submission, submission.Coverage, FhirEligibilityResources.InsurerReference(submission.Payer),
            submission.Other is { ResponsibilityIsPrimary: true } ? Math.Max(2, (int)submission.Coverage.Order) : (int)submission.Coverage.Order);

    /// <summary>
    /// The patient's other coverage. Its payer is not one of our profiles, so it is named by its payer id and name only;
    /// its <c>order</c> says which of the two pays first.
    /// </summary>
    public static Hl7.Fhir.Model.Coverage OtherCoverage(ClaimSubmission submission, OtherCoverage other)
    {
        var payer = new ResourceReference
        {
            Identifier = new Identifier(FhirClaimSystems.OtherPayerId, other.PayerIdentifier),
            Display = other.PayerName,
        };
        var order = other.ResponsibilityIsPrimary ? 1 : Math.Max(2, (int)other.Coverage.Order);
        return CoverageResource(submission, other.Coverage, payer, order);
    }

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

    private static Hl7.Fhir.Model.Coverage CoverageResource(
        ClaimSubmission submission, Domain.Coverages.Coverage coverage, ResourceReference payer, int order)
    {
        var resource = new Hl7.Fhir.Model.Coverage
        {
            Id = coverage.Id.ToString(),
            Status = FinancialResourceStatusCodes.Active,
            SubscriberId = coverage.Subscriber?.MemberId ?? coverage.MemberId,
            Beneficiary = PatientReference(submission),
            Relationship = new CodeableConcept(FhirSystems.SubscriberRelationship, coverage.Relationship switch
            {
                SubscriberRelationship.Self => "self",
                SubscriberRelationship.Spouse => "spouse",
                SubscriberRelationship.Child => "child",
                _ => "other",
            }),
            Payor = [payer],
            Order = order,
        };
        resource.Identifier.Add(new Identifier(FhirEligibilityResources.MemberIdSystem, coverage.MemberId));
        if (coverage.ValidFrom is not null || coverage.ValidTo is not null)
        {
            resource.Period = new Period { Start = Date(coverage.ValidFrom), End = Date(coverage.ValidTo) };
        }

        if (coverage.GroupNumber is not null)
        {
            resource.Class.Add(new Hl7.Fhir.Model.Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "group"),
                Value = coverage.GroupNumber,
                Name = coverage.GroupName,
            });
        }

        if (coverage.PlanName is not null)
        {
            resource.Class.Add(new Hl7.Fhir.Model.Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "plan"),
                Value = coverage.PlanName,
            });
        }

        if (coverage.Subscriber is { } subscriber)
        {
            // The subscriber is not one of our patients; the name travels as the reference's display, as in eligibility.
            resource.Subscriber = new ResourceReference { Display = subscriber.Name.ToString() };
        }

        return resource;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
