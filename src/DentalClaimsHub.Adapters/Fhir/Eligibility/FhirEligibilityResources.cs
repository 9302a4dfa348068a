using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>The resources a submitted eligibility request references: patient, coverage, practitioner, insurer.</summary>
internal static class FhirEligibilityResources
{
    public static ResourceReference Reference(string type, Guid id) => new($"{type}/{id}");

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

    public static Hl7.Fhir.Model.Coverage Coverage(FhirEligibilityInquiry inquiry)
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
        resource.Identifier.Add(new Identifier("urn:dentalclaimshub:member-id", coverage.MemberId));
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

    public static Practitioner Practitioner(Provider provider)
    {
        var practitioner = new Practitioner { Id = provider.Id.ToString(), Name = [Name(provider.Name)] };
        if (provider.Npi is { } npi)
        {
            practitioner.Identifier.Add(new Identifier(FhirSystems.Npi, npi.Value));
        }

        return practitioner;
    }

    public static Organization Insurer(PayerProfile payer) => new()
    {
        Id = payer.Id,
        Name = payer.DisplayName,
        Identifier = [new Identifier(FhirSystems.PayerId, payer.Id)],
    };

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
