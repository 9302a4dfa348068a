using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using Microsoft.Extensions.Time.Testing;

namespace DentalClaimsHub.Mappings.Tests.Fixtures;

/// <summary>Fictional people, provider and payer used by every eligibility mapping test.</summary>
internal static class EligibilityFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    public static readonly Guid PracticeId = Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b10");
    public static readonly Guid CheckId = Guid.Parse("5a1d9e34-7c2b-4f0e-b6a8-2d3c4e5f6a70");
    public static readonly DateOnly ServiceDate = new(2026, 3, 20);

    public static FakeTimeProvider Time() => new(Now);

    public static Patient Elena() => Patient.Create(
        PracticeId, new PersonName("Morales", "Elena", "R"), new DateOnly(1985, 4, 12), Sex.Female, Now,
        id: Guid.Parse("11111111-2222-4333-8444-555555555501"));

    public static Patient Mateo() => Patient.Create(PracticeId, new PersonName("Morales", "Mateo"), new DateOnly(2015, 9, 3), Sex.Male, Now,
        id: Guid.Parse("11111111-2222-4333-8444-555555555502"));

    public static Coverage SelfCoverage(Patient patient) => Coverage.Create(PracticeId, patient.Id, "demo-x12-dental", "DNX448812001",
        CoverageOrder.Primary, SubscriberRelationship.Self, Now, groupNumber: "GRP77120", groupName: "Lakeside Logistics",
        id: Guid.Parse("22222222-3333-4444-8555-666666666601"));

    public static Coverage ChildCoverage(Patient child) => Coverage.Create(PracticeId, child.Id, "demo-x12-dental", "DNX448812001",
        CoverageOrder.Primary, SubscriberRelationship.Child, Now,
        subscriber: new Subscriber(new PersonName("Morales", "Elena", "R"), new DateOnly(1985, 4, 12), Sex.Female, "DNX448812001"),
        groupNumber: "GRP77120", id: Guid.Parse("22222222-3333-4444-8555-666666666602"));

    public static Provider Dentist() => Provider.Create(PracticeId, new PersonName("Okafor", "Grace"), Now, Npi.Parse("1987654328"),
        taxonomyCode: "1223G0001X", id: Guid.Parse("33333333-4444-4555-8666-777777777701"));

    public static EligibilityCheck Check(Patient patient, Coverage coverage, params BenefitCategory[] categories) =>
        EligibilityCheck.Create(PracticeId, patient.Id, coverage.Id, coverage.PayerId, ServiceDate, Now, categories, CheckId);

    public static PayerProfile X12Payer(bool coInsuranceIsPatientShare = true) => new()
    {
        Id = "demo-x12-dental",
        DisplayName = "Demo Dental Mutual",
        Country = "US",
        Kind = PayerKind.X12,
        Capabilities = new Dictionary<PayerCapability, CapabilityRoute>(),
        SourceFile = "demo-x12-dental.yaml",
        X12 = new X12Settings(
            new X12Identifiers
            {
                SenderQualifier = "ZZ",
                SenderId = "DCHUB",
                ReceiverQualifier = "ZZ",
                ReceiverId = "DEMODENTAL",
                ApplicationSenderCode = "DCHUB",
                ApplicationReceiverCode = "DEMODENTAL",
                PayerId = "99999",
                UsageIndicator = 'T',
            },
            new X12Options { DentalServiceType = "35", CoInsuranceIsPatientShare = coInsuranceIsPatientShare }),
        Fhir = new FhirSettings { BaseUrl = new Uri("https://fhir.demo-dental.example/r4/") },
    };

    public static PayerProfile FhirPayer() => X12Payer() with
    {
        Id = "demo-fhir-dental",
        DisplayName = "Demo FHIR Dental",
        Kind = PayerKind.Fhir,
        X12 = null,
        SourceFile = "demo-fhir-dental.yaml",
    };
}
