using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Tests.Fhir.Claims;

/// <summary>Small fictional claims for the FHIR claim mapping: one practice, one patient, one FHIR payer.</summary>
internal static class ClaimSamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly ServiceDate = new(2026, 3, 10);
    public static readonly Guid PracticeId = Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b10");
    public static readonly Guid ClaimId = Guid.Parse("7c9e1f20-3b4a-4d5e-8f60-718293a4b5c6");

    public static Practice Practice()
    {
        var practice = Domain.Practices.Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now,
            npi: Npi.Parse("1234567893"), taxId: "741234567", id: PracticeId);
        practice.SetAddress(new Address("1200 Shore Dr", "Suite 4", "Lakeside", "IL", "60601", "US"));
        return practice;
    }

    public static Patient Patient() => Domain.Patients.Patient.Create(PracticeId, new PersonName("Morales", "Elena", "R"),
        new DateOnly(1985, 4, 12), Sex.Female, Now, id: Guid.Parse("11111111-2222-4333-8444-555555555501"));

    public static Coverage Coverage(Patient patient) => Domain.Coverages.Coverage.Create(PracticeId, patient.Id, "demo-fhir-dental",
        "FHIR-4488120", CoverageOrder.Primary, SubscriberRelationship.Self, Now, groupNumber: "GRP77120",
        groupName: "Lakeside Logistics", id: Guid.Parse("22222222-3333-4444-8555-666666666601"));

    public static Coverage SpouseCoverage(Patient patient) => Domain.Coverages.Coverage.Create(PracticeId, patient.Id, "other-dental",
        "OTH-5512", CoverageOrder.Secondary, SubscriberRelationship.Spouse, Now,
        subscriber: new Subscriber(new PersonName("Morales", "Diego"), new DateOnly(1983, 1, 20), Sex.Male, "OTH-5500"),
        id: Guid.Parse("22222222-3333-4444-8555-666666666602"));

    public static ProviderIdentity Dentist() =>
        new(Npi.Parse("1987654328"), person: new PersonName("Okafor", "Grace"), taxonomyCode: "1223G0001X");

    public static PayerProfile Payer(string country = "US") => new()
    {
        Id = "demo-fhir-dental",
        DisplayName = "Demo FHIR Dental",
        Country = country,
        Kind = PayerKind.Fhir,
        Capabilities = new Dictionary<PayerCapability, CapabilityRoute>(),
        SourceFile = "demo-fhir-dental.yaml",
        Fhir = new FhirSettings { BaseUrl = new Uri("https://fhir.demo-dental.example/r4/") },
    };

    /// <summary>A draft original claim for the sample patient with the given lines (and diagnoses K02.52, K04.0).</summary>
    public static Claim Claim(params ClaimLineDetails[] lines)
    {
        var patient = Patient();
        var claim = Domain.Claims.Claim.Create(PracticeId, patient.Id, Coverage(patient).Id, "demo-fhir-dental", "USD", "test", Now,
            patientControlNumber: "PCN-2026-0001", renderingProvider: Dentist(), id: ClaimId);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K04.0")], Now);
        foreach (var line in lines)
        {
            claim.AddLine(line, Now);
        }

        return claim;
    }

    public static ClaimLineDetails Line(string code, decimal fee, string? tooth = null, string? surfaces = null, int units = 1,
        OralCavityArea? area = null, params int[] pointers) => new()
    {
        Procedure = ProcedureCode.Cdt(CdtCode.Parse(code)),
        Fee = Money.Usd(fee),
        Units = units,
        ServiceDate = ServiceDate,
        Tooth = tooth is null ? null : ToothNumber.ParseUniversal(tooth),
        Surfaces = SurfaceSet.Parse(surfaces),
        Area = area,
        DiagnosisPointers = pointers,
        LineControlNumber = $"LCN-{code}-{tooth ?? area?.ToX12Code() ?? "0"}",
    };

    /// <summary>The usual three lines: a periodic exam, a posterior MOD composite on #3, a quadrant of root planing.</summary>
    public static Claim Routine() => Claim(
        Line("D0120", 55m),
        Line("D2393", 240m, tooth: "3", surfaces: "DOM", pointers: [1]),
        Line("D4341", 220m, area: OralCavityArea.UpperRight, pointers: [2]));

    public static ClaimSubmission Submission(Claim claim, PayerProfile? payer = null)
    {
        var patient = Patient();
        return new ClaimSubmission(claim, Practice(), patient, Coverage(patient), payer ?? Payer());
    }

    /// <summary>Takes <paramref name="claim"/> through validation and acceptance so the payer's number is known.</summary>
    public static Claim Accepted(Claim claim, string payerClaimNumber = "PAYER-88001")
    {
        claim.Validate("test", Now, DateOnly.FromDateTime(Now.UtcDateTime));
        claim.Queue("test", Now);
        claim.MarkSubmitted("test", Now);
        claim.Accept("test", Now, payerClaimNumber);
        return claim;
    }
}
