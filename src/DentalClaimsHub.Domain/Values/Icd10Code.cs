using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// An ICD-10 diagnosis code (WHO МКБ-10 or ICD-10-CM): a letter, two characters of category, and an optional
/// subdivision of up to four characters after the dot. Stored with the dot ("K04.5"); the dot is optional on input,
/// Cyrillic look-alikes are folded ("К04.5" → "K04.5") and O/З in the category digits read as 0/3.
/// </summary>
public readonly record struct Icd10Code
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public Icd10Code(string value) => this = Parse(value);

    /// <summary>The code with its dot, e.g. "K04.5" or "K02.52"; a bare category has no dot ("K08").</summary>
    public string Value { get; private init; }

    /// <summary>The three-character category, e.g. "K04".</summary>
    public string Category => Value[..3];

    /// <summary>The code as X12 HI segments carry it: without the dot ("K045").</summary>
    public string ToX12() => Value.Replace(".", string.Empty, StringComparison.Ordinal);

    /// <summary>Parses a code; throws <see cref="DomainException"/> when invalid.</summary>
    public static Icd10Code Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException($"ICD-10 code must look like K04.5 (letter, 2 characters, optional .subdivision), got '{value}'.", nameof(value));

    /// <summary>Parses a code without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Icd10Code code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 20)
        {
            return false;
        }

        var text = LookAlikes.WithoutWhitespace(value).Replace(',', '.');
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (dot != 3 || text.IndexOf('.', dot + 1) >= 0))
        {
            return false;
        }

        var bare = text.Replace(".", string.Empty, StringComparison.Ordinal);
        if (bare.Length is < 3 or > 7)
        {
            return false;
        }

        var result = new StringBuilder(bare.Length + 1);
        result.Append(LookAlikes.ToLatinLetter(bare[0]));
        result.Append(LookAlikes.ToDigit(bare[1]));
        // ICD-10-CM uses a letter in the third position of some categories (C4A, D3A), so only fold look-alikes there.
        result.Append(FoldAlphanumeric(bare[2], preferDigit: true));
        if (bare.Length > 3)
        {
            result.Append('.');
            for (var i = 3; i < bare.Length; i++)
            {
                result.Append(FoldAlphanumeric(bare[i], preferDigit: false));
            }
        }

        var candidate = result.ToString();
        if (!char.IsAsciiLetterUpper(candidate[0]) || !char.IsAsciiDigit(candidate[1])
            || !candidate.Skip(2).All(c => c == '.' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            return false;
        }

        code = new Icd10Code { Value = candidate };
        return true;
    }

    public override string ToString() => Value ?? string.Empty;

    private static char FoldAlphanumeric(char c, bool preferDigit)
    {
        var latin = LookAlikes.ToLatinLetter(c);
        return preferDigit || latin == 'З' ? LookAlikes.ToDigit(latin) : latin;
    }
}
