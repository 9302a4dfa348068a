using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Coverages;

public class CoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid PracticeId = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid PatientId = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private static readonly Subscriber Parent =
        new(new PersonName("Doe", "John"), new DateOnly(1980, 6, 1), Sex.Male, "W123456789");

    [Fact]
    public void Create_Self_HasNoSubscriber()
    {
        var coverage = Coverage.Create(
            PracticeId, PatientId, "demo-x12-dental", " W987 ", CoverageOrder.Primary, SubscriberRelationship.Self, Now,
            subscriber: Parent, groupNumber: "G100", planName: "PPO Gold");

        Assert.Equal("demo-x12-dental", coverage.PayerId);
        Assert.Equal("W987", coverage.MemberId);
        Assert.Null(coverage.Subscriber);
        Assert.Equal("G100", coverage.GroupNumber);
        Assert.Equal("PPO Gold", coverage.PlanName);
    }

    [Fact]
    public void Create_ChildWithoutSubscriber_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Coverage.Create(
            PracticeId, PatientId, "demo-x12-dental", "W1", CoverageOrder.Primary, SubscriberRelationship.Child, Now));
        Assert.Contains("subscriber", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Create_ChildWithSubscriber_KeepsSubscriber()
    {
        var coverage = Coverage.Create(
            PracticeId, PatientId, "demo-x12-dental", "W1", CoverageOrder.Secondary, SubscriberRelationship.Child, Now, Parent);

        Assert.Equal(Parent, coverage.Subscriber);
        Assert.Equal(CoverageOrder.Secondary, coverage.Order);
    }

    [Fact]
    public void Create_ValidToBeforeValidFrom_Throws()
    {
        Assert.Throws<DomainException>(() => Coverage.Create(
            PracticeId, PatientId, "p", "m", CoverageOrder.Primary, SubscriberRelationship.Self, Now,
            validFrom: new DateOnly(2026, 2, 1), validTo: new DateOnly(2026, 1, 31)));
    }

    [Theory]
    [InlineData(2025, 12, 31, false)]
    [InlineData(2026, 1, 1, true)]
    [InlineData(2026, 12, 31, true)]
    [InlineData(2027, 1, 1, false)]
    public void IsActiveOn_AroundPeriodEdges_IsInclusive(int year, int month, int day, bool expected)
    {
        var coverage = Coverage.Create(
            PracticeId, PatientId, "p", "m", CoverageOrder.Primary, SubscriberRelationship.Self, Now,
            validFrom: new DateOnly(2026, 1, 1), validTo: new DateOnly(2026, 12, 31));

        Assert.Equal(expected, coverage.IsActiveOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void IsActiveOn_OpenPeriod_IsAlwaysActive()
    {
        var coverage = Coverage.Create(PracticeId, PatientId, "p", "m", CoverageOrder.Primary, SubscriberRelationship.Self, Now);

        Assert.True(coverage.IsActiveOn(new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void Update_DmsTerms_ReplacesTermsAndStamps()
    {
        var coverage = Coverage.Create(PracticeId, PatientId, "dms-demo", "1234-567", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        var terms = new DmsTerms("STOM-1", "Стоматология", 45m, Money.Rub(100_000m), "Д-15/2026", "ООО «Ромашка»",
            ["без ортодонтии", " без ортодонтии ", ""]);

        coverage.Update("dms-demo", "1234-567", CoverageOrder.Primary, SubscriberRelationship.Self, Now.AddHours(1), dms: terms);

        Assert.Equal(45m, coverage.Dms!.FranchisePercent);
        Assert.Equal(["без ортодонтии"], coverage.Dms.Exclusions);
        Assert.Equal(Now.AddHours(1), coverage.UpdatedAt);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void DmsTerms_FranchiseOutOfRange_Throws(double franchise)
    {
        Assert.Throws<DomainException>(() => new DmsTerms("P", "Program", (decimal)franchise));
    }

    [Fact]
    public void DmsTerms_SameContent_AreEqual()
    {
        Assert.Equal(new DmsTerms("P", "N", 10m, exclusions: ["a"]), new DmsTerms("P", "N", 10m, exclusions: ["a"]));
    }
}
