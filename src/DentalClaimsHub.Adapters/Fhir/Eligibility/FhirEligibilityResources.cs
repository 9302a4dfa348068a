using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>The resources a submitted eligibility request references: patient, coverage, provider, insurer.</summary>
internal static class FhirEligibilityResources
{
    /// <summary>Identifier system of the member id on the coverage.</summary>
    public const string MemberIdSystem = "urn:dentalclaimshub:member-id";

    public static ResourceReference Reference(string type, Guid id) => new($"{type}/{id}");

    /// <summary>The coverage, with the member id as a logical identifier.</summary>
    public static ResourceReference CoverageReference(Domain.Coverages.Coverage coverage) =>
        new($"Coverage/{coverage.Id}") { Identifier = new Identifier(MemberIdSystem, coverage.MemberId) };

    /// <summary>The provider asking: a Practitioner (a person) or an Organization, with its NPI when known.</summary>
    public static ResourceReference ProviderReference(EligibilityInquiry inquiry)
    {
        var provider = inquiry.Provider;
        var reference = new ResourceReference($"{ProviderType(provider)}/{ProviderId(inquiry)}");
        if (provider.Npi is { } npi)
        {
            reference.Identifier = new Identifier(FhirSystems.Npi, npi.Value);
        }

        return reference;
    }

    public static ResourceReference InsurerReference(PayerProfile payer) =>
        new($"Organization/{payer.Id}", payer.DisplayName) { Identifier = new Identifier(FhirSystems.PayerId, payer.Id) };

    public static Hl7.Fhir.Model.Patient Patient(Domain.Patients.Patient patient) => new()
    {
        Id = patient.Id.ToString(),
        Name = [Name(patient.Name)],
        BirthDate = patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Gender = patient.Sex switch
        {
            Sex.Female => AdministrativeGender.Female,
            Sex.Male => AdministrativeGender.Male,
            _ => AdministrativeGender.Unknown,
        },
    };

    public static Hl7.Fhir.Model.Coverage Coverage(EligibilityInquiry inquiry)
    {
        var coverage = inquiry.Coverage;
        var resource = new Hl7.Fhir.Model.Coverage
        {
            Id = coverage.Id.ToString(),
            Status = FinancialResourceStatusCodes.Active,
            SubscriberId = coverage.Subscriber?.MemberId ?? coverage.MemberId,
            Beneficiary = Reference("Patient", inquiry.Patient.Id),
            Relationship = new CodeableConcept(FhirSystems.SubscriberRelationship, coverage.Relationship switch
            {
                SubscriberRelationship.Self => "self",
                SubscriberRelationship.Spouse => "spouse",
                SubscriberRelationship.Child => "child",
                _ => "other",
            }),
            Payor = [InsurerReference(inquiry.Payer)],
        };
        resource.Identifier.Add(new Identifier(MemberIdSystem, coverage.MemberId));
        if (coverage.GroupNumber is not null)
        {
            resource.Class.Add(new Hl7.Fhir.Model.Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "group"),
                Value = coverage.GroupNumber,
                Name = coverage.GroupName,
            });
        }

        if (coverage.Subscriber is { } subscriber)
        {
            // The subscriber is not one of our patients; the name travels as the reference's display.
            resource.Subscriber = new ResourceReference { Display = subscriber.Name.ToString() };
        }

        return resource;
    }

    /// <summary>The provider as a Practitioner (a person, with its taxonomy as qualification) or an Organization.</summary>
    public static DomainResource Provider(EligibilityInquiry inquiry)
    {
        var provider = inquiry.Provider;
        var id = ProviderId(inquiry);
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

    public static Organization Insurer(PayerProfile payer) => new()
    {
        Id = payer.Id,
        Name = payer.DisplayName,
        Identifier = [new Identifier(FhirSystems.PayerId, payer.Id)],
    };

    private static string ProviderType(ProviderIdentity provider) => provider.IsOrganization ? "Organization" : "Practitioner";

    /// <summary>A stable id: the NPI when known, else one derived from the check (the provider is not one of our records).</summary>
    private static string ProviderId(EligibilityInquiry inquiry) =>
        inquiry.Provider.Npi is { } npi ? $"npi-{npi.Value}" : $"provider-{inquiry.Check.Id:N}";

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
