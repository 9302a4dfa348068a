using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Claims;

/// <summary>
/// Fictional claims covering what the FHIR mapping distinguishes: use, frequency, teeth and areas, supporting data,
/// coordination of benefits and the ДМС code system. Fixed ids and dates, so the snapshots are stable.
/// </summary>
internal static class FhirClaimCases
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly ServiceDate = new(2026, 3, 10);
    private static readonly Guid PracticeId = Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b10");

    public static readonly string[] Names =
    [
        "routine", "predetermination", "replacement", "void", "child-primary-teeth", "bridge-with-attachments",
        "secondary-after-primary", "ortho-after-accident", "extractions-with-missing-teeth", "dms-filling",
    ];

    public static ClaimSubmission Get(string name) => name switch
    {
        "routine" => Us(PaidAtVisit(Routine(1), 50m)),
        // As the delivery service submits a treatment plan: created as one, no service dates, and flagged.
        "predetermination" => Us(Plan()) with { Predetermination = true },
        "replacement" => Us(Corrected()),
        "void" => Us(Accepted(Routine(4)).CreateVoid("test", Now, "billed the wrong patient")),
        "child-primary-teeth" => ChildPrimaryTeeth(),
        "bridge-with-attachments" => Us(Bridge()),
        // A group practice paid through its bank's lockbox: 2010AB pay-to address.
        "secondary-after-primary" => Us(Routine(7)) with
        {
            Practice = LakesideWithLockbox(),
            Other = new OtherCoverage(SpouseCoverage(), "Other Dental Mutual", "OTH01", ResponsibilityIsPrimary: true, Money.Usd(180m)),
        },
        "ortho-after-accident" => Us(Ortho()),
        "extractions-with-missing-teeth" => Us(Extractions()),
        "dms-filling" => DmsFilling(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
    };

    private static Guid Id(int n) => Guid.Parse($"7c9e1f20-3b4a-4d5e-8f60-{n:D12}");

    private static Practice Lakeside()
    {
        var practice = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now, npi: Npi.Parse("1234567893"),
            taxId: "741234567", id: PracticeId);
        practice.SetAddress(new Address("1200 Shore Dr", "Suite 4", "Lakeside", "IL", "60601", "US"));
        return practice;
    }

    private static Practice LakesideWithLockbox()
    {
        var practice = Lakeside();
        practice.SetPayToAddress(new Address("PO Box 4471", null, "Chicago", "IL", "60680-4471", "US"));
        return practice;
    }

    private static Patient Elena() => Patient.Create(PracticeId, new PersonName("Morales", "Elena", "R"), new DateOnly(1985, 4, 12),
        Sex.Female, Now, id: Guid.Parse("11111111-2222-4333-8444-555555555501"));

    private static Patient Mateo() => Patient.Create(PracticeId, new PersonName("Morales", "Mateo"), new DateOnly(2019, 9, 3), Sex.Male, Now,
        id: Guid.Parse("11111111-2222-4333-8444-555555555502"));

    private static Coverage SelfCoverage() => Coverage.Create(PracticeId, Elena().Id, "demo-fhir-dental", "FHIR-4488120",
        CoverageOrder.Primary, SubscriberRelationship.Self, Now, groupNumber: "GRP77120", groupName: "Lakeside Logistics",
        planName: "Dental PPO", validFrom: new DateOnly(2026, 1, 1), validTo: new DateOnly(2026, 12, 31),
        id: Guid.Parse("22222222-3333-4444-8555-666666666601"));

    private static Coverage ChildCoverage() => Coverage.Create(PracticeId, Mateo().Id, "demo-fhir-dental", "FHIR-4488121",
        CoverageOrder.Primary, SubscriberRelationship.Child, Now,
        subscriber: new Subscriber(new PersonName("Morales", "Elena", "R"), new DateOnly(1985, 4, 12), Sex.Female, "FHIR-4488120"),
        groupNumber: "GRP77120", id: Guid.Parse("22222222-3333-4444-8555-666666666602"));

    private static Coverage SpouseCoverage() => Coverage.Create(PracticeId, Elena().Id, "other-dental", "OTH-5512",
        CoverageOrder.Primary, SubscriberRelationship.Spouse, Now,
        subscriber: new Subscriber(new PersonName("Morales", "Diego"), new DateOnly(1983, 1, 20), Sex.Male, "OTH-5500"),
        groupNumber: "OG-100", id: Guid.Parse("22222222-3333-4444-8555-666666666603"));

    private static ProviderIdentity Okafor() =>
        new(Npi.Parse("1987654328"), person: new PersonName("Okafor", "Grace"), taxonomyCode: "1223G0001X");

    private static PayerProfile FhirPayer(string id = "demo-fhir-dental", string name = "Demo FHIR Dental", string country = "US") => new()
    {
        Id = id,
        DisplayName = name,
        Country = country,
        Kind = PayerKind.Fhir,
        Capabilities = new Dictionary<PayerCapability, CapabilityRoute>(),
        SourceFile = id + ".yaml",
        Fhir = new FhirSettings { BaseUrl = new Uri("https://fhir.demo-dental.example/r4/") },
    };

    private static ClaimSubmission Us(Claim claim) => new(claim, Lakeside(), Elena(), SelfCoverage(), FhirPayer());

    private static Claim NewClaim(int n, Guid? patientId = null, Guid? coverageId = null, string currency = "USD", ProviderIdentity? rendering = null) =>
        Claim.Create(PracticeId, patientId ?? Elena().Id, coverageId ?? SelfCoverage().Id, "demo-fhir-dental", currency, "test", Now,
            patientControlNumber: $"PCN-2026-{n:D4}", renderingProvider: rendering ?? Okafor(), id: Id(n));

    private static ClaimLineDetails Cdt(string code, decimal fee, string? tooth = null, string? surfaces = null, OralCavityArea? area = null,
        int units = 1, params int[] pointers) => new()
    {
        Procedure = ProcedureCode.Cdt(CdtCode.Parse(code)),
        Fee = Money.Usd(fee),
        Units = units,
        ServiceDate = ServiceDate,
        Tooth = tooth is null ? null : ToothNumber.ParseUniversal(tooth),
        Surfaces = SurfaceSet.Parse(surfaces),
        Area = area,
        DiagnosisPointers = pointers,
        LineControlNumber = $"L{code[1..]}-{tooth ?? area?.ToX12Code() ?? "00"}",
    };

    // Exam, bitewings, a posterior MOD composite and a quadrant of root planing.
    private static Claim Routine(int n)
    {
        var claim = NewClaim(n);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K05.311")], Now);
        claim.AddLine(Cdt("D0120", 55m), Now);
        claim.AddLine(Cdt("D0274", 68m), Now);
        claim.AddLine(Cdt("D2393", 240m, tooth: "3", surfaces: "DOM", pointers: [1]), Now);
        claim.AddLine(Cdt("D4341", 220.50m, area: OralCavityArea.UpperRight, pointers: [2]), Now);
        return claim;
    }

    // The patient's copay collected at the chair (2300 AMT*F5).
    private static Claim PaidAtVisit(Claim claim, decimal amount)
    {
        claim.SetPatientPaid(Money.Usd(amount), Now);
        return claim;
    }

    private static Claim Plan()
    {
        var claim = Claim.Create(PracticeId, Elena().Id, SelfCoverage().Id, "demo-fhir-dental", "USD", "test", Now,
            patientControlNumber: "PCN-2026-0002", renderingProvider: Okafor(), id: Id(2), purpose: ClaimPurpose.Predetermination);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(Cdt("D2740", 1100m, tooth: "14", pointers: [1]) with { ServiceDate = null, Prosthesis = ProsthesisPlacement.Initial }, Now);
        claim.AddLine(Cdt("D2950", 310m, tooth: "14", pointers: [1]) with { ServiceDate = null }, Now);
        return claim;
    }

    // The routine claim sent again with the restoration corrected to two surfaces (frequency 7).
    private static Claim Corrected()
    {
        var corrected = NewClaim(33);
        corrected.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K05.311")], Now);
        corrected.AddLine(Cdt("D0120", 55m), Now);
        corrected.AddLine(Cdt("D0274", 68m), Now);
        corrected.AddLine(Cdt("D2392", 195m, tooth: "3", surfaces: "MO", pointers: [1]), Now);
        corrected.AddLine(Cdt("D4341", 220.50m, area: OralCavityArea.UpperRight, pointers: [2]), Now);
        Accepted(Routine(3)).ReplaceWith(corrected, "test", Now, "corrected surfaces");
        return corrected;
    }

    private static Claim Accepted(Claim claim)
    {
        claim.Validate("test", Now, DateOnly.FromDateTime(Now.UtcDateTime));
        claim.Queue("test", Now);
        claim.MarkSubmitted("test", Now);
        claim.Accept("test", Now, $"PAYER-{claim.PatientControlNumber[^4..]}");
        return claim;
    }

    private static ClaimSubmission ChildPrimaryTeeth()
    {
        var child = Mateo();
        var coverage = ChildCoverage();
        var claim = NewClaim(5, child.Id, coverage.Id);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(Cdt("D1120", 62m), Now);
        claim.AddLine(Cdt("D1206", 30m), Now);
        claim.AddLine(Cdt("D2140", 110m, tooth: "A", surfaces: "O", pointers: [1]), Now);
        claim.AddLine(Cdt("D2331", 150m, tooth: "E", surfaces: "MF", pointers: [1]), Now);
        return new ClaimSubmission(claim, Lakeside(), child, coverage, FhirPayer());
    }

    // A three-unit bridge replacing #19 (missing), retainers on #18 and #20 replacing an old bridge; X-ray and narrative attached.
    private static Claim Bridge()
    {
        var claim = NewClaim(6);
        claim.SetDiagnoses([Icd10Code.Parse("K08.111")], Now);
        claim.SetMissingTeeth([new MissingTooth(ToothNumber.ParseUniversal("19"), MissingToothStatus.Missing),
            new MissingTooth(ToothNumber.ParseUniversal("30"), MissingToothStatus.ToBeExtracted)], Now);
        var replacement = new DateOnly(2012, 5, 14);
        claim.AddLine(Cdt("D6740", 1150m, tooth: "18", pointers: [1]) with { Prosthesis = ProsthesisPlacement.Replacement, PriorPlacementDate = replacement }, Now);
        claim.AddLine(Cdt("D6240", 1050m, tooth: "19", pointers: [1]) with { Prosthesis = ProsthesisPlacement.Replacement, PriorPlacementDate = replacement }, Now);
        claim.AddLine(Cdt("D6740", 1150m, tooth: "20", pointers: [1]) with { Prosthesis = ProsthesisPlacement.Replacement, PriorPlacementDate = replacement }, Now);
        claim.AddAttachment(new ClaimAttachment("RB", AttachmentTransmission.Electronic, "ACN-2026-0006-1", "image/jpeg", 182_344,
            "claims/0006/pa-19.jpg", "pa-19.jpg"), Now);
        claim.AddAttachment(new ClaimAttachment("OZ", AttachmentTransmission.Fax, "ACN-2026-0006-2", "application/pdf", 40_960,
            "claims/0006/narrative.pdf"), Now);
        claim.SetAuthorizations(null, "PD-55102", Now);
        claim.SetNote("Old bridge fractured at 19", Now);
        return claim;
    }

    private static Claim Ortho()
    {
        var claim = NewClaim(8);
        claim.SetDiagnoses([Icd10Code.Parse("M26.211"), Icd10Code.Parse("S02.5XXA")], Now);
        claim.SetOrthodontics(new OrthodonticInfo(24, 23, new DateOnly(2026, 3, 2)), Now);
        claim.SetAccident(new AccidentInfo(AccidentCause.AutoAccident, new DateOnly(2026, 1, 18), "IL"), Now);
        claim.AddLine(Cdt("D8080", 5200m, pointers: [1]) with { PriorAuthorizationNumber = "PA-31007" }, Now);
        claim.AddLine(Cdt("D2330", 180m, tooth: "8", surfaces: "I", pointers: [2]), Now);
        claim.AddLine(Cdt("D5211", 900m, area: OralCavityArea.Maxillary, pointers: [2]), Now);
        return claim;
    }

    // A limited exam and an image of an abscessed #30, extracted, and a carious erupted #17 removed surgically; the other
    // third molars and #19 were lost before, reported so the payer can judge a later bridge or implant.
    private static Claim Extractions()
    {
        var claim = NewClaim(10);
        claim.SetDiagnoses([Icd10Code.Parse("K04.7"), Icd10Code.Parse("K02.53")], Now);
        claim.SetMissingTeeth([.. new[] { "1", "16", "19", "32" }
            .Select(t => new MissingTooth(ToothNumber.ParseUniversal(t), MissingToothStatus.Missing))], Now);
        claim.AddLine(Cdt("D0140", 75m, pointers: [1]), Now);
        claim.AddLine(Cdt("D0220", 32m, pointers: [1]), Now);
        claim.AddLine(Cdt("D7140", 185m, tooth: "30", pointers: [1]), Now);
        claim.AddLine(Cdt("D7210", 340m, tooth: "17", pointers: [2]), Now);
        return claim;
    }

    private static ClaimSubmission DmsFilling()
    {
        var practice = Practice.Create("Клиника «Улыбка»", "RU", "Europe/Moscow", Now, inn: Inn.Parse("7707083893"),
            ogrn: Ogrn.Parse("1027700132195"), id: Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b20"));
        var patient = Patient.Create(practice.Id, new PersonName("Иванова", "Анна", "Сергеевна"), new DateOnly(1990, 7, 1), Sex.Female, Now,
            id: Guid.Parse("11111111-2222-4333-8444-555555555509"));
        var coverage = Coverage.Create(practice.Id, patient.Id, "demo-dms-fhir", "0042-17/2026", CoverageOrder.Primary,
            SubscriberRelationship.Self, Now, planName: "Стоматология-Стандарт", id: Guid.Parse("22222222-3333-4444-8555-666666666609"));
        var claim = Claim.Create(practice.Id, patient.Id, coverage.Id, "demo-dms-fhir", "RUB", "test", Now,
            patientControlNumber: "DMS-2026-0117", id: Id(9));
        claim.SetDiagnoses([Icd10Code.Parse("K02.1"), Icd10Code.Parse("K04.0")], Now);
        claim.SetAuthorizations("ГП-2026-0117", null, Now);
        ClaimLineDetails Line(string code, decimal fee, string? tooth, string? surfaces, int pointer, string lcn, string description) => new()
        {
            Procedure = ProcedureCode.Nomenclature(NomenclatureCode.Parse(code)),
            Fee = Money.Rub(fee),
            ServiceDate = ServiceDate,
            Tooth = tooth is null ? null : ToothNumber.ParseFdi(tooth),
            Surfaces = SurfaceSet.Parse(surfaces),
            DiagnosisPointers = [pointer],
            LineControlNumber = lcn,
            Description = description,
        };
        claim.AddLine(Line("B01.065.001", 1500m, null, null, 1, "DMS-0117-1", "Приём врача-стоматолога-терапевта первичный"), Now);
        claim.AddLine(Line("A06.07.003", 650m, "36", null, 1, "DMS-0117-2", "Прицельная внутриротовая рентгенография"), Now);
        claim.AddLine(Line("A16.07.002", 4500.75m, "36", "OD", 1, "DMS-0117-3", "Восстановление зуба пломбой"), Now);
        claim.AddLine(Line("A16.07.030.001", 7200m, "46", null, 2, "DMS-0117-4", "Инструментальная и медикаментозная обработка канала"), Now);
        var payer = FhirPayer("demo-dms-fhir", "Демо ДМС", "RU") with { Kind = PayerKind.Dms };
        return new ClaimSubmission(claim, practice, patient, coverage, payer);
    }
}
