using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// An ADA CDT procedure code: "D" followed by four digits (D0120 periodic oral evaluation). Input is trimmed,
/// inner spaces removed and upper-cased, so " d 0120" reads as D0120.
/// </summary>
public readonly record struct CdtCode
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public CdtCode(string value) => this = Parse(value);

    /// <summary>The normalised code, e.g. "D2391".</summary>
    public string Value { get; private init; }

    /// <summary>The four digits as a number (2391), useful for range checks.</summary>
    public int Number => int.Parse(Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The benefit category the code's range belongs to (D2000–D2999 restorative…).</summary>
    public CdtCategory Category => CdtCategories.Of(Number);

    /// <summary>Parses a CDT code; throws <see cref="DomainException"/> when the input is not D + 4 digits.</summary>
    public static CdtCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException($"CDT code must be 'D' followed by 4 digits (e.g. D0120), got '{value}'.", nameof(value));

    /// <summary>Parses a CDT code without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CdtCode code)
    {
        code = default;
        if (value is null)
        {
            return false;
        }

        var text = LookAlikes.WithoutWhitespace(value).ToUpperInvariant();
        if (text.Length != 5 || text[0] != 'D' || !Guard.AllDigits(text.AsSpan(1)))
        {
            return false;
        }

        code = new CdtCode { Value = text };
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
