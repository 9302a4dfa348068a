using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.ClaimStatus;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

/// <summary>Claim status inquiries about the claims of <c>samples/x12/837D-claims.x12</c> (PCN1001 is 468.00 for Elena Morales).</summary>
internal static class ClaimStatusRequests
{
    public static readonly Guid ClaimId = Guid.Parse("3f2a8c10-5d6e-4b7a-9c8d-1e2f3a4b5c6d");
    public static readonly Guid PracticeId = Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b10");

    public static string Claims837 => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "837D-claims.x12"));

    public static ClaimStatusQuery Query(string pcn = "PCN1001", string memberId = "DNX448812001", bool dependent = false) =>
        new(ClaimId, pcn, 468m, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10),
            new ClaimStatusProvider("Bright Smiles Family Dentistry", Npi.Parse("1234567893")),
            new ClaimStatusPerson(new PersonName("Morales", "Elena"), new DateOnly(1985, 4, 12), Sex.Female, memberId),
            dependent ? new ClaimStatusPerson(new PersonName("Morales", "Mateo"), new DateOnly(2015, 9, 3), Sex.Male) : null);

    /// <summary>The 276 the hub would send for <paramref name="query"/> to <paramref name="payer"/>.</summary>
    public static string Build276(ClaimStatusQuery query, PayerProfile payer, DateTimeOffset now) =>
        new ClaimStatus276Builder(new SequentialControlNumberSource(501), new FixedTime(now))
            .Build(new ClaimStatusInquiry(query, payer, PracticeId));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
