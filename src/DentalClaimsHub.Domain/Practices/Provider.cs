using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Practices;

/// <summary>A dentist who renders services at a practice (X12 2310B rendering provider, ДМС registry "врач").</summary>
public sealed class Provider
{
    private Provider()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public PersonName Name { get; private set; }

    /// <summary>Individual (type 1) NPI of a US dentist.</summary>
    public Npi? Npi { get; private set; }

    /// <summary>NUCC taxonomy code, e.g. 1223G0001X general practice dentistry (PRV03).</summary>
    public string? TaxonomyCode { get; private set; }

    public string? LicenseNumber { get; private set; }

    /// <summary>Specialty as free text ("стоматолог-терапевт").</summary>
    public string? Specialty { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Provider Create(
        Guid practiceId, PersonName name, DateTimeOffset now, Npi? npi = null, string? taxonomyCode = null,
        string? licenseNumber = null, string? specialty = null, Guid? id = null)
    {
        var provider = new Provider
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            CreatedAt = Guard.Utc(now),
        };
        provider.Update(name, now, npi, taxonomyCode, licenseNumber, specialty);
        return provider;
    }

    public void Update(
        PersonName name, DateTimeOffset now, Npi? npi = null, string? taxonomyCode = null, string? licenseNumber = null, string? specialty = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var taxonomy = Guard.Optional(taxonomyCode, nameof(TaxonomyCode), 10)?.ToUpperInvariant();
        if (taxonomy is not null && (taxonomy.Length != 10 || !taxonomy.All(char.IsAsciiLetterOrDigit)))
        {
            throw new DomainException($"Taxonomy code must be 10 letters or digits such as 1223G0001X, got '{taxonomyCode}'.", nameof(TaxonomyCode));
        }

        Name = name;
        Npi = npi;
        TaxonomyCode = taxonomy;
        LicenseNumber = Guard.Optional(licenseNumber, nameof(LicenseNumber), 50);
        Specialty = Guard.Optional(specialty, nameof(Specialty), 200);
        UpdatedAt = Guard.Utc(now);
    }
}
