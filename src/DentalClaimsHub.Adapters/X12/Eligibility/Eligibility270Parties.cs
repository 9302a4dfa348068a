using System.Globalization;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>The 2000C subscriber and 2000D dependent levels of a 270, with their inquiries.</summary>
internal static class Eligibility270Parties
{
    public static bool IsDependent(EligibilityInquiry inquiry) =>
        inquiry.Coverage.Relationship != SubscriberRelationship.Self && inquiry.Coverage.Subscriber is not null;

    /// <summary>2100B NM1*1P: the organisation (NM102 = 2) or the person (NM102 = 1) asking, identified by NPI (XX).</summary>
    public static X12Segment Provider(ProviderIdentity provider)
    {
        var npi = provider.Npi?.Value
            ?? throw new ArgumentException("The provider has no NPI; a 270 needs NM1*1P with XX.", nameof(provider));
        return provider.Person is { } person
            ? PersonName("1P", person, "XX", npi)
            : X12Text.Segment("NM1", "1P", "2", X12Text.Clean(provider.OrganizationName, 60), "", "", "", "", "XX", npi);
    }

    public static X12Segment PersonName(string entity, PersonName name, string idQualifier, string id) =>
        X12Text.Segment("NM1", entity, "1", X12Text.Clean(name.Last, 60), X12Text.Clean(name.First, 35),
            X12Text.Clean(name.Middle, 25), "", X12Text.Clean(name.Suffix, 10), idQualifier, id);

    /// <summary>2000C TRN (when the subscriber is the patient), 2100C NM1*IL, DMG, DTP*291 and 2110C EQ.</summary>
    public static void WriteSubscriber(
        X12EnvelopeWriter envelope, EligibilityInquiry inquiry, (string Trace, X12Identifiers Ids)? withTrace)
    {
        var coverage = inquiry.Coverage;
        if (withTrace is { } t)
        {
            envelope.Write(Trace(t.Trace, t.Ids));
        }

        var subscriber = coverage.Subscriber;
        var name = subscriber?.Name ?? inquiry.Patient.Name;
        var memberId = subscriber?.MemberId ?? coverage.MemberId;
        envelope.Write(PersonName("IL", name, "MI", X12Text.Clean(memberId, 80)));
        if (!string.IsNullOrWhiteSpace(coverage.GroupNumber))
        {
            envelope.Write("REF", "6P", X12Text.Clean(coverage.GroupNumber, 50));
        }

        envelope.Write(Demographics(subscriber?.BirthDate ?? inquiry.Patient.BirthDate, subscriber?.Sex ?? inquiry.Patient.Sex));
        if (withTrace is not null)
        {
            WriteInquiry(envelope, inquiry);
        }
    }

    /// <summary>2000D TRN, 2100D NM1*03, DMG, INS (relationship), DTP*291 and 2110D EQ.</summary>
    public static void WriteDependent(X12EnvelopeWriter envelope, EligibilityInquiry inquiry, string trace, X12Identifiers ids)
    {
        envelope.Write(Trace(trace, ids));
        var patient = inquiry.Patient;
        envelope.Write(X12Text.Segment("NM1", "03", "1", X12Text.Clean(patient.Name.Last, 60), X12Text.Clean(patient.Name.First, 35),
            X12Text.Clean(patient.Name.Middle, 25), "", X12Text.Clean(patient.Name.Suffix, 10)));
        envelope.Write(Demographics(patient.BirthDate, patient.Sex));
        envelope.Write("INS", "N", inquiry.Coverage.Relationship.ToX12Code());
        WriteInquiry(envelope, inquiry);
    }

    private static void WriteInquiry(X12EnvelopeWriter envelope, EligibilityInquiry inquiry)
    {
        envelope.Write("DTP", "291", "D8", inquiry.Check.ServiceDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        if (inquiry.Procedures.Count > 0)
        {
            foreach (var procedure in inquiry.Procedures.Distinct())
            {
                // 2110C EQ02: product/service id qualifier AD (ADA codes) and the CDT code
                envelope.Write(X12Segment.Create("EQ", "", $"AD:{procedure.Code}"));
            }

            return;
        }

        foreach (var serviceType in ServiceTypes(inquiry))
        {
            envelope.Write("EQ", serviceType);
        }
    }

    private static IEnumerable<string> ServiceTypes(EligibilityInquiry inquiry)
    {
        var categories = inquiry.Check.Categories;
        var fallback = inquiry.Payer.X12?.Options.DentalServiceType ?? "35";
        if (categories.Count == 0 || categories is [BenefitCategory.DentalCare])
        {
            return [fallback];
        }

        return categories.Select(c => c == BenefitCategory.DentalCare ? fallback : c.ToX12ServiceType() ?? fallback).Distinct();
    }

    private static X12Segment Trace(string trace, X12Identifiers ids)
    {
        // TRN03 is a 10-character originator id: "9" followed by our sender id, zero-padded.
        var originator = ("9" + X12Text.Clean(ids.SenderId, 9).Replace(" ", "", StringComparison.Ordinal)).PadRight(10, '0');
        return X12Segment.Create("TRN", "1", X12Text.Clean(trace, 50), originator);
    }

    private static X12Segment Demographics(DateOnly birthDate, Sex sex) =>
        X12Segment.Create("DMG", "D8", birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), sex switch
        {
            Sex.Female => "F",
            Sex.Male => "M",
            _ => "U",
        });
}
