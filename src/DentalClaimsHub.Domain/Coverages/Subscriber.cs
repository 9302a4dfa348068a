using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Domain.Coverages;

/// <summary>The policy holder when it is not the patient (X12 loop 2010BA).</summary>
public sealed record Subscriber
{
    public Subscriber(PersonName name, DateOnly birthDate, Sex sex, string memberId)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (birthDate < new DateOnly(1900, 1, 1))
        {
            throw new DomainException($"Subscriber birth date {birthDate:yyyy-MM-dd} is before 1900.", nameof(birthDate));
        }

        Name = name;
        BirthDate = birthDate;
        Sex = sex;
        MemberId = Guard.Required(memberId, nameof(MemberId), 80);
    }

    public PersonName Name { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    /// <summary>The subscriber's own member id on the plan.</summary>
    public string MemberId { get; }
}
