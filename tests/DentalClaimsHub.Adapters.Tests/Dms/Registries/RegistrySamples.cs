using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Tests.Dms.Registries;

/// <summary>Made-up patients, claims and a registry for October 2026 (names and policies are invented).</summary>
internal static class RegistrySamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly From = new(2026, 10, 1);
    public static readonly DateOnly To = new(2026, 10, 31);
    public static readonly Guid PracticeId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static int claimNumber;

    public static DmsRegistry Registry(decimal discountPercent = 5m) => new DmsRegistry
    {
        InsurerName = "СК «Проба»",
        ClinicName = "ООО «Клиника Тест»",
        ClinicInn = "7707083893",
        PeriodFrom = From,
        PeriodTo = To,
        Number = "PROBA-202610",
        Version = 2,
        Date = new DateOnly(2026, 11, 2),
        Lines =
        [
            Line(1, "Зябликова", "Ульяна", "Игоревна", "ПР-0001", new DateOnly(2026, 10, 3), "B01.065.001", "Прием (осмотр, консультация) врача-стоматолога-терапевта первичный", "K02.1", null, 1, 1500m, 10m),
            Line(2, "Зябликова", "Ульяна", "Игоревна", "ПР-0001", new DateOnly(2026, 10, 3), "A16.07.002", "Восстановление зуба пломбой", "K02.1", "36", 1, 4200.50m, 10m,
                guarantee: ("ГП-77/2026", new DateOnly(2026, 9, 28))),
            Line(1, "Щеглов", "Арсений", null, "ПР-0002; доп.", new DateOnly(2026, 10, 17), "A06.07.003", "Прицельная внутриротовая контактная рентгенография", "K04.5", "11, 21", 2, 650m, 0m,
                doctor: null),
        ],
    }.WithDiscount(discountPercent);

    private static DmsRegistry WithDiscount(this DmsRegistry registry, decimal percent) =>
        registry with { Lines = [.. registry.Lines.Select(line => line with { DiscountPercent = percent })] };

    public static DmsRegistryLine Line(int claimLine, string last, string first, string? middle, string policy, DateOnly date, string code,
        string name, string diagnosis, string? tooth, int quantity, decimal price, decimal franchise, (string, DateOnly)? guarantee = null,
        string? doctor = "Ведерникова Олеся Марковна") => new()
    {
        ClaimId = Guid.Parse($"00000000-0000-0000-0000-{(last.Length * 1000 + claimLine):000000000000}"),
        ClaimNumber = $"CLM-{last.Length:00}",
        ClaimLine = claimLine,
        LastName = last,
        FirstName = first,
        MiddleName = middle,
        Policy = policy,
        GuaranteeNumber = guarantee?.Item1,
        GuaranteeDate = guarantee?.Item2,
        ServiceDate = date,
        ServiceCode = code,
        ServiceName = name,
        Diagnosis = diagnosis,
        Tooth = tooth,
        Quantity = quantity,
        Price = price,
        DiscountPercent = 5m,
        FranchisePercent = franchise,
        Doctor = doctor,
    };

    public static DmsRegistryClaim Claim(string last, string first, string policy, decimal? franchise, string? guarantee,
        IReadOnlyList<Icd10Code> diagnoses, params ClaimLineDetails[] lines)
    {
        var patient = Patient.Create(PracticeId, new PersonName(last, first, "Тестовна"), new DateOnly(1990, 1, 1), Sex.Female, Now);
        var coverage = Coverage.Create(PracticeId, patient.Id, "demo-dms-insurer", policy, CoverageOrder.Primary, SubscriberRelationship.Self, Now,
            dms: new DmsTerms("DENT-BASIC", "Стоматология (базовая)", franchise));
        var claim = Domain.Claims.Claim.Create(PracticeId, patient.Id, coverage.Id, "demo-dms-insurer", "RUB", "test", Now,
            patientControlNumber: $"C-{Interlocked.Increment(ref claimNumber):000}", renderingProvider: new ProviderIdentity(null, person: new PersonName("Ведерникова", "Олеся", "Марковна")));
        claim.SetDiagnoses(diagnoses, Now);
        claim.SetAuthorizations(guarantee, null, Now);
        foreach (var line in lines)
        {
            claim.AddLine(line, Now);
        }

        return new DmsRegistryClaim(claim, patient, coverage);
    }

    public static ClaimLineDetails Service(string code, decimal fee, DateOnly date, string? tooth = null, int units = 1, int diagnosis = 1) => new()
    {
        Procedure = ProcedureCode.TryParseAny(code, out var procedure) ? procedure : throw new ArgumentException(code, nameof(code)),
        Fee = Money.Rub(fee),
        Units = units,
        ServiceDate = date,
        Tooth = tooth is null ? null : ToothNumber.ParseFdi(tooth),
        DiagnosisPointers = [diagnosis],
    };
}
