using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Practices;

/// <summary>
/// A dental practice (clinic) — the tenant. US practices are identified by NPI and TIN, Russian clinics by ИНН and
/// ОГРН; the model keeps both sets so one hub can serve either market.
/// </summary>
public sealed class Practice
{
    private Practice()
    {
        Name = string.Empty;
        CountryCode = string.Empty;
        TimeZoneId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the practice works in.</summary>
    public string CountryCode { get; private set; }

    /// <summary>IANA time zone ("America/Chicago", "Europe/Moscow"); turns instants into local dates of service.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>Organisation (type 2) NPI of a US practice.</summary>
    public Npi? Npi { get; private set; }

    /// <summary>US TIN/EIN, nine digits.</summary>
    public string? TaxId { get; private set; }

    /// <summary>ИНН of a Russian clinic.</summary>
    public Inn? Inn { get; private set; }

    /// <summary>ОГРН/ОГРНИП of a Russian clinic.</summary>
    public Ogrn? Ogrn { get; private set; }

    /// <summary>
    /// Where the practice bills from (837D 2010AA N3/N4 — a street address, not a post-office box; ДМС registries
    /// print it too). Null until set; a US claim cannot be built without it.
    /// </summary>
    public Address? Address { get; private set; }

    /// <summary>
    /// Where the payer sends payments when that is not <see cref="Address"/> (a lockbox or post-office box): 837D 2010AB.
    /// Null when payments go to the billing address.
    /// </summary>
    public Address? PayToAddress { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Creates a practice; identifiers are optional but validated when given.</summary>
    public static Practice Create(
        string name,
        string countryCode,
        string timeZoneId,
        DateTimeOffset now,
        Npi? npi = null,
        string? taxId = null,
        Inn? inn = null,
        Ogrn? ogrn = null,
        Guid? id = null)
    {
        var practice = new Practice
        {
            Id = id ?? Guid.NewGuid(),
            CreatedAt = Guard.Utc(now),
        };
        practice.Rename(name);
        practice.CountryCode = Values.CountryCode.Normalise(countryCode);
        practice.TimeZoneId = NormaliseTimeZone(timeZoneId);
        practice.SetIdentifiers(npi, taxId, inn, ogrn);
        return practice;
    }

    public void Rename(string name) => Name = Guard.Required(name, nameof(Name));

    /// <summary>Moves the practice to another IANA time zone.</summary>
    public void ChangeTimeZone(string timeZoneId) => TimeZoneId = NormaliseTimeZone(timeZoneId);

    /// <summary>Sets or clears the billing address.</summary>
    public void SetAddress(Address? address) => Address = address;

    /// <summary>Sets the pay-to address; null (or the billing address itself) means payments go to the billing address.</summary>
    public void SetPayToAddress(Address? address) => PayToAddress = address == Address ? null : address;

    /// <summary>Replaces the registration identifiers.</summary>
    public void SetIdentifiers(Npi? npi, string? taxId, Inn? inn, Ogrn? ogrn)
    {
        Npi = npi;
        TaxId = string.IsNullOrWhiteSpace(taxId) ? null : Values.TaxId.Normalise(taxId);
        Inn = inn;
        Ogrn = ogrn;
    }

    // IANA ids look like "Area/Location" or "UTC"; we check the shape only, because the host's tz database may be
    // absent in slim containers and must not make a valid practice unrepresentable.
    private static string NormaliseTimeZone(string? timeZoneId)
    {
        var value = Guard.Required(timeZoneId, nameof(TimeZoneId), 64);
        var shapeOk = value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && !value.StartsWith('/') && !value.EndsWith('/');
        if (!shapeOk)
        {
            throw new DomainException($"TimeZoneId must be an IANA id such as 'Europe/Moscow', got '{timeZoneId}'.", nameof(TimeZoneId));
        }

        return value;
    }
}
