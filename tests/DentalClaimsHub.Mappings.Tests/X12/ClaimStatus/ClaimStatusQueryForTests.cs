using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.ClaimStatus;

public sealed class ClaimStatusQueryForTests
{
    private static readonly Practice Lakeside = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now,
        npi: Npi.Parse("1234567893"), taxId: "12-3456789", id: PracticeId);

    private static Claim SentClaim(Patient patient, Coverage coverage, params DateOnly?[] dates)
    {
        var claim = Claim.Create(PracticeId, patient.Id, coverage.Id, "demo-x12-dental", "USD", "test", Now,
            patientControlNumber: "PCN-2026-0042", id: ClaimStatusFixtures.ClaimId);
        var fee = 85m;
        foreach (var date in dates)
        {
            claim.AddLine(new ClaimLineDetails
            {
                Procedure = ProcedureCode.Cdt(CdtCode.Parse("D1120")),
                Fee = Money.Usd(fee),
                ServiceDate = date,
            }, Now);
            fee += 100.25m;
        }

        return claim;
    }

    [Fact]
    public void For_SubscriberClaim_TakesPcnTotalDateRangeProviderAndMember()
    {
        var elena = Elena();
        var claim = SentClaim(elena, SelfCoverage(elena), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 5));

        var query = ClaimStatusQuery.For(claim, Lakeside, elena, SelfCoverage(elena));

        Assert.Equal((ClaimStatusFixtures.ClaimId, "PCN-2026-0042", 85m + 185.25m + 285.5m),
            (query.ClaimId, query.PatientControlNumber, query.TotalCharge));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)), (query.ServiceFrom, query.ServiceTo));
        Assert.Equal(("LAKESIDE FAMILY DENTAL", "1234567893", "123456789"),
            (query.BillingProvider.Name.ToUpperInvariant(), query.BillingProvider.Npi?.Value, query.BillingProvider.TaxId));
        Assert.Equal(("DNX448812001", "Elena"), (query.Subscriber.MemberId, query.Subscriber.Name.First));
        Assert.False(query.PatientIsDependent);
        Assert.Null(query.PayerClaimNumber);
    }

    [Fact]
    public void For_DependentClaim_AsksUnderTheSubscriberWithThePatientBeside()
    {
        var mateo = Mateo();
        var coverage = ChildCoverage(mateo);

        var query = ClaimStatusQuery.For(SentClaim(mateo, coverage, new DateOnly(2026, 3, 2)), Lakeside, mateo, coverage);

        Assert.Equal(("Elena", "DNX448812001"), (query.Subscriber.Name.First, query.Subscriber.MemberId));
        Assert.Equal(("Mateo", new DateOnly(2015, 9, 3)), (query.Patient!.Name.First, query.Patient.BirthDate!.Value));
        Assert.Equal(query.ServiceFrom, query.ServiceTo);
    }

    [Fact]
    public void For_ClaimWithoutServiceDates_IsRefused()
    {
        var elena = Elena();

        Assert.Throws<DomainException>(() =>
            ClaimStatusQuery.For(SentClaim(elena, SelfCoverage(elena), [null]), Lakeside, elena, SelfCoverage(elena)));
    }
}
