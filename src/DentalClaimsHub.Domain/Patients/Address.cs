namespace DentalClaimsHub.Domain.Patients;

/// <summary>A postal address. <see cref="Region"/> is the US state or the Russian subject; it may be empty.</summary>
public sealed record Address
{
    public Address(string line1, string? line2, string city, string region, string postalCode, string countryCode)
    {
        Line1 = Guard.Required(line1, nameof(Line1), 110);
        Line2 = Guard.Optional(line2, nameof(Line2), 110);
        City = Guard.Required(city, nameof(City), 60);
        Region = region?.Trim() ?? string.Empty;
        PostalCode = postalCode?.Trim() ?? string.Empty;
        CountryCode = Values.CountryCode.Normalise(countryCode);
    }

    public string Line1 { get; }

    public string? Line2 { get; }

    public string City { get; }

    public string Region { get; }

    public string PostalCode { get; }

    public string CountryCode { get; }
}
