using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// Russian primary state registration number: ОГРН of an organisation (13 digits, check digit = first 12 mod 11,
/// last digit) or ОГРНИП of an individual entrepreneur (15 digits, check digit = first 14 mod 13, last digit).
/// </summary>
public readonly record struct Ogrn
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public Ogrn(string value) => this = Parse(value);

    /// <summary>The 13 or 15 digits.</summary>
    public string Value { get; private init; }

    /// <summary>True for a 15-digit ОГРНИП (individual entrepreneur).</summary>
    public bool IsEntrepreneur => Value?.Length == 15;

    /// <summary>Parses an ОГРН/ОГРНИП; spaces and hyphens are ignored. Throws <see cref="DomainException"/> when invalid.</summary>
    public static Ogrn Parse(string? value) =>
        TryParse(value, out var ogrn, out var error) ? ogrn : throw new DomainException(error, nameof(value));

    /// <summary>Parses an ОГРН/ОГРНИП without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Ogrn ogrn) => TryParse(value, out ogrn, out _);

    public override string ToString() => Value ?? string.Empty;

    private static bool TryParse(string? value, out Ogrn ogrn, out string error)
    {
        ogrn = default;
        var digits = value is null ? string.Empty : Guard.StripSeparators(value);
        if (digits.Length is not (13 or 15) || !Guard.AllDigits(digits))
        {
            error = $"OGRN must be 13 digits (OGRNIP 15), got '{value}'.";
            return false;
        }

        var body = long.Parse(digits.AsSpan(0, digits.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        var modulus = digits.Length == 13 ? 11 : 13;
        if (body % modulus % 10 != digits[^1] - '0')
        {
            error = $"OGRN '{digits}' fails its check digit.";
            return false;
        }

        ogrn = new Ogrn { Value = digits };
        error = string.Empty;
        return true;
    }
}
