using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.ClaimStatus;

/// <summary>Claim status queries for the 276 and 277 tests: an adult subscriber and a dependent child.</summary>
internal static class ClaimStatusFixtures
{
    public static readonly Guid ClaimId = Guid.Parse("7c4e2a10-3b5d-4f6e-8a9b-0c1d2e3f4a5b");

    public static ClaimStatusProvider Lakeside() => new("Lakeside Family Dental", Npi.Parse("1234567893"), "12-3456789");

    public static ClaimStatusPerson Elena() =>
        new(new PersonName("Morales", "Elena"), new DateOnly(1985, 4, 12), Sex.Female, "DNX448812001");

    public static ClaimStatusQuery SubscriberQuery(string? payerClaimNumber = "DNCLM26030900123") =>
        new(ClaimId, "7C4E2A103B5D4F6E8A9B", 468m, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), Lakeside(), Elena(),
            payerClaimNumber: payerClaimNumber);

    public static ClaimStatusQuery DependentQuery() =>
        new(ClaimId, "7C4E2A103B5D4F6E8A9B", 1250.5m, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), Lakeside(), Elena(),
            new ClaimStatusPerson(new PersonName("Morales", "Mateo"), new DateOnly(2015, 9, 3), Sex.Male));

    public static ClaimStatusInquiry Inquiry(ClaimStatusQuery query) => new(query, X12Payer(), PracticeId);
}
