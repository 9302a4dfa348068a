using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// US National Provider Identifier: ten digits whose last digit is a Luhn check digit computed over the nine
/// preceding digits prefixed by the card issuer code "80840" (45 CFR 162.406).
/// </summary>
public readonly record struct Npi
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public Npi(string value) => this = Parse(value);

    /// <summary>The ten digits.</summary>
    public string Value { get; private init; }

    /// <summary>Parses an NPI; spaces and hyphens are ignored. Throws <see cref="DomainException"/> when invalid.</summary>
    public static Npi Parse(string? value) =>
        TryParse(value, out var npi, out var error) ? npi : throw new DomainException(error, nameof(value));

    /// <summary>Parses an NPI without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Npi npi) => TryParse(value, out npi, out _);

    public override string ToString() => Value ?? string.Empty;

    private static bool TryParse(string? value, out Npi npi, out string error)
    {
        npi = default;
        var digits = value is null ? string.Empty : Guard.StripSeparators(value);
        if (digits.Length != 10 || !Guard.AllDigits(digits))
        {
            error = $"NPI must be 10 digits, got '{value}'.";
            return false;
        }

        if (!Luhn.IsValid("80840" + digits))
        {
            error = $"NPI '{digits}' fails its check digit.";
            return false;
        }

        npi = new Npi { Value = digits };
        error = string.Empty;
        return true;
    }
}
