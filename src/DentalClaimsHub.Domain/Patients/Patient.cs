namespace DentalClaimsHub.Domain.Patients;

/// <summary>A patient of a practice, as known to the practice management system (PMS).</summary>
public sealed class Patient
{
    private Patient()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public PersonName Name { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Sex Sex { get; private set; }

    public Address? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The PMS's own patient id, unique per practice.</summary>
    public string? ExternalId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Creates a patient; the birth date must lie between 1900-01-01 and today (as of <paramref name="now"/>).</summary>
    public static Patient Create(
        Guid practiceId,
        PersonName name,
        DateOnly birthDate,
        Sex sex,
        DateTimeOffset now,
        Address? address = null,
        string? phone = null,
        string? email = null,
        string? externalId = null,
        Guid? id = null)
    {
        var patient = new Patient
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            CreatedAt = Guard.Utc(now),
        };
        patient.Update(name, birthDate, sex, now, address, phone, email, externalId);
        return patient;
    }

    /// <summary>Replaces the demographic data and stamps <see cref="UpdatedAt"/>.</summary>
    public void Update(
        PersonName name,
        DateOnly birthDate,
        Sex sex,
        DateTimeOffset now,
        Address? address = null,
        string? phone = null,
        string? email = null,
        string? externalId = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckBirthDate(birthDate, now);
        if (!Enum.IsDefined(sex))
        {
            throw new DomainException($"Sex '{sex}' is not a known value.", nameof(Sex));
        }

        var cleanEmail = Guard.Optional(email, nameof(Email), 254);
        if (cleanEmail is not null && (!cleanEmail.Contains('@', StringComparison.Ordinal) || cleanEmail.Contains(' ', StringComparison.Ordinal)))
        {
            throw new DomainException($"Email '{cleanEmail}' is not an e-mail address.", nameof(Email));
        }

        Name = name;
        BirthDate = birthDate;
        Sex = sex;
        Address = address;
        Phone = Guard.Optional(phone, nameof(Phone), 40);
        Email = cleanEmail;
        ExternalId = Guard.Optional(externalId, nameof(ExternalId), 80);
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>Whole years of age on the given date.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    internal static void CheckBirthDate(DateOnly birthDate, DateTimeOffset now, string field = nameof(BirthDate))
    {
        // The offset's own calendar date: a patient born "today" in Moscow is not in the future while UTC is behind.
        var today = DateOnly.FromDateTime(now.DateTime);
        if (birthDate > today)
        {
            throw new DomainException($"{field} {birthDate:yyyy-MM-dd} is in the future.", field);
        }

        if (birthDate < new DateOnly(1900, 1, 1))
        {
            throw new DomainException($"{field} {birthDate:yyyy-MM-dd} is before 1900.", field);
        }
    }
}
