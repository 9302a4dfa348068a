using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Domain.Tests.Patients;

public class PatientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly Guid PracticeId = Guid.Parse("7d1c2a4e-1111-4c4c-9a9a-000000000001");

    [Fact]
    public void Create_ValidData_SetsFieldsAndUtcTimestamps()
    {
        var address = new Address("1 Main St", null, "Springfield", "IL", "62701", "us");
        var patient = Patient.Create(
            PracticeId, new PersonName("Doe", "Jane"), new DateOnly(1985, 4, 2), Sex.Female, Now,
            address, phone: " 555-0100 ", email: "jane@example.com", externalId: "PMS-42");

        Assert.NotEqual(Guid.Empty, patient.Id);
        Assert.Equal(PracticeId, patient.PracticeId);
        Assert.Equal("Doe, Jane", patient.Name.ToString());
        Assert.Equal(Sex.Female, patient.Sex);
        Assert.Equal("US", patient.Address!.CountryCode);
        Assert.Equal("555-0100", patient.Phone);
        Assert.Equal("PMS-42", patient.ExternalId);
        Assert.Equal(TimeSpan.Zero, patient.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero), patient.CreatedAt);
        Assert.Equal(patient.CreatedAt, patient.UpdatedAt);
    }

    [Fact]
    public void Create_BirthDateInFuture_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Patient.Create(PracticeId, new PersonName("Doe", "Jane"), new DateOnly(2026, 3, 11), Sex.Female, Now));
        Assert.Contains("future", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BirthDateToday_IsAccepted()
    {
        var patient = Patient.Create(PracticeId, new PersonName("Doe", "Baby"), new DateOnly(2026, 3, 10), Sex.Unknown, Now);

        Assert.Equal(new DateOnly(2026, 3, 10), patient.BirthDate);
    }

    [Fact]
    public void Create_BirthDateBefore1900_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Patient.Create(PracticeId, new PersonName("Doe", "Jane"), new DateOnly(1899, 12, 31), Sex.Female, Now));
        Assert.Contains("1900", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyPracticeId_Throws()
    {
        Assert.Throws<DomainException>(() =>
            Patient.Create(Guid.Empty, new PersonName("Doe", "Jane"), new DateOnly(1990, 1, 1), Sex.Female, Now));
    }

    [Fact]
    public void Create_InvalidEmail_Throws()
    {
        Assert.Throws<DomainException>(() =>
            Patient.Create(PracticeId, new PersonName("Doe", "Jane"), new DateOnly(1990, 1, 1), Sex.Female, Now, email: "jane"));
    }

    [Fact]
    public void Update_NewName_ReplacesNameAndStampsUpdatedAt()
    {
        var patient = Patient.Create(PracticeId, new PersonName("Doe", "Jane"), new DateOnly(1990, 1, 1), Sex.Female, Now);
        var later = Now.AddDays(2);

        patient.Update(new PersonName("Roe", "Jane"), new DateOnly(1990, 1, 1), Sex.Female, later);

        Assert.Equal("Roe", patient.Name.Last);
        Assert.Equal(later.ToUniversalTime(), patient.UpdatedAt);
        Assert.Equal(Now.ToUniversalTime(), patient.CreatedAt);
    }

    [Theory]
    [InlineData(2026, 3, 10, 40)]
    [InlineData(2026, 3, 9, 39)]
    public void AgeOn_AroundBirthday_CountsWholeYears(int year, int month, int day, int expected)
    {
        var patient = Patient.Create(PracticeId, new PersonName("Doe", "Jane"), new DateOnly(1986, 3, 10), Sex.Female, Now);

        Assert.Equal(expected, patient.AgeOn(new DateOnly(year, month, day)));
    }
}
