using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Domain.Practices;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>Fictional people and practices. Their names, birth dates and member ids must never reach a log.</summary>
public static class TestData
{
    public const string PatientLast = "Quillfeather";
    public const string PatientFirst = "Marisol";
    public static readonly DateOnly PatientBirthDate = new(1987, 3, 14);
    public const string MemberId = "ZQX774120935";

    public static Practice Practice(string name, DateTimeOffset now)
    {
        var practice = Domain.Practices.Practice.Create(name, "US", "America/Chicago", now, npi: Domain.Values.Npi.Parse("1234567893"),
            taxId: "741234567", id: Guid.CreateVersion7(now));
        practice.SetAddress(new Domain.Patients.Address("1200 Shore Dr", "Suite 4", "Chicago", "IL", "60601", "US"));
        return practice;
    }

    public static PatientRequest NewPatientRequest(string last = PatientLast, string first = PatientFirst) => new()
    {
        Name = new PersonNameDto { Last = last, First = first, Middle = "J" },
        BirthDate = PatientBirthDate,
        Sex = "female",
        Address = new AddressDto { Line1 = "48 Cedar Loop", City = "Springfield", Region = "IL", PostalCode = "62704", CountryCode = "US" },
        Phone = "+1-217-555-0188",
        ExternalId = "PMS-" + Guid.NewGuid().ToString("N")[..8],
    };

    /// <summary>A ДМС policy of the demo insurer, valid through 2026, with a franchise and a sum limit.</summary>
    public static CoverageRequest NewDmsCoverageRequest(params string[] exclusions) => new()
    {
        PayerId = "demo-dms-insurer",
        MemberId = "ДМС-" + MemberId,
        Order = "primary",
        Relationship = "self",
        ValidFrom = new DateOnly(2026, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31),
        Dms = new DmsTermsDto
        {
            ProgramCode = "STOM-2",
            ProgramName = "Стоматология полная",
            FranchisePercent = 10m,
            Limit = new MoneyDto { Amount = 150000m, Currency = "RUB" },
            ContractNumber = "ДМС-2026/0147",
            Policyholder = "ООО «Ромашка»",
            Exclusions = exclusions,
        },
    };

    public static CoverageRequest NewCoverageRequest(string payerId = "demo-x12-dental") => new()
    {
        PayerId = payerId,
        MemberId = MemberId,
        GroupNumber = "GRP-7781",
        PlanName = "Dental PPO Plus",
        Order = "primary",
        Relationship = "self",
        ValidFrom = new DateOnly(2026, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31),
    };
}
