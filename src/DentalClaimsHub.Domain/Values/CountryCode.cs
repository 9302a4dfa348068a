namespace DentalClaimsHub.Domain.Values;

/// <summary>ISO 3166-1 alpha-2 country codes as plain strings ("US", "RU").</summary>
public static class CountryCode
{
    public const string UnitedStates = "US";

    public const string Russia = "RU";

    /// <summary>Upper-cases and checks a two-letter code, or throws <see cref="DomainException"/>.</summary>
    public static string Normalise(string? value, string field = "CountryCode")
    {
        var trimmed = value?.Trim();
        if (trimmed is not { Length: 2 } || !trimmed.All(char.IsAsciiLetter))
        {
            throw new DomainException($"{field} must be an ISO 3166-1 alpha-2 code such as 'US' or 'RU', got '{value}'.", field);
        }

        return trimmed.ToUpperInvariant();
    }
}
