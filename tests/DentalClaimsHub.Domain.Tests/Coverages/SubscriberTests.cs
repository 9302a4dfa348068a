using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Coverages;

public class SubscriberTests
{
    [Fact]
    public void Constructor_BlankMemberId_Throws()
    {
        Assert.Throws<DomainException>(() => new Subscriber(new PersonName("Doe", "John"), new DateOnly(1980, 1, 1), Sex.Male, " "));
    }

    [Fact]
    public void Constructor_BirthDateBefore1900_Throws()
    {
        Assert.Throws<DomainException>(() => new Subscriber(new PersonName("Doe", "John"), new DateOnly(1899, 1, 1), Sex.Male, "W1"));
    }

    [Fact]
    public void DmsTerms_NegativeLimit_Throws()
    {
        Assert.Throws<DomainException>(() => new DmsTerms("P", "Program", limit: Money.Rub(-1m)));
    }

    [Fact]
    public void DmsTerms_BlankProgramCode_Throws()
    {
        Assert.Throws<DomainException>(() => new DmsTerms(" ", "Program"));
    }
}
