using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// A service code of the Russian nomenclature of medical services (приказ Минздрава № 804н): section letter A or B,
/// two digits, a group of two (A) or three (B) digits, a group of three and an optional ".NNN" refinement — "A16.07.002", "A16.07.002.009", "B01.065.001".
/// Parsing repairs what registries really contain: Cyrillic А/В for the letter, О/З for 0/3 in the digits,
/// commas for dots and stray spaces ("ВОЗ.003.001" → "B03.003.001").
/// </summary>
public readonly record struct NomenclatureCode
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public NomenclatureCode(string value) => this = Parse(value);

    /// <summary>The normalised code in Latin letters.</summary>
    public string Value { get; private init; }

    /// <summary>'A' (medical interventions) or 'B' (complex services such as visits).</summary>
    public char Section => Value[0];

    /// <summary>Class of the service, e.g. 16 (surgical operations) in "A16.07.002".</summary>
    public int Class => int.Parse(Value.AsSpan(1, 2), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for a refined code with the fourth group ("A16.07.002.009").</summary>
    public bool IsRefined => Value.Count(c => c == '.') == 3;

    /// <summary>The code without its refinement: "A16.07.002.009" → "A16.07.002"; an unrefined code is returned as is.</summary>
    public NomenclatureCode ToBase() => IsRefined ? new NomenclatureCode { Value = Value[..Value.LastIndexOf('.')] } : this;

    /// <summary>Parses a code; throws <see cref="DomainException"/> when it does not have the 804н shape.</summary>
    public static NomenclatureCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException(
                $"804н service code must look like A16.07.002 or B01.065.001 (optionally .NNN), got '{value}'.", nameof(value));

    /// <summary>Parses a code without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out NomenclatureCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40)
        {
            return false;
        }

        var text = LookAlikes.WithoutWhitespace(value).Replace(',', '.');
        var normalised = new StringBuilder(text.Length);
        normalised.Append(LookAlikes.ToLatinLetter(text[0]));
        for (var i = 1; i < text.Length; i++)
        {
            normalised.Append(text[i] == '.' ? '.' : LookAlikes.ToDigit(text[i]));
        }

        var candidate = normalised.ToString();
        if (!HasShape(candidate))
        {
            return false;
        }

        code = new NomenclatureCode { Value = candidate };
        return true;
    }

    public override string ToString() => Value ?? string.Empty;

    // Shape: section letter A/B + 2 digits, then a 2-digit (A) or 3-digit (B) group, a 3-digit group and an optional
    // 3-digit refinement: A16.07.002, B01.065.001, A16.07.002.009.
    private static bool HasShape(string s)
    {
        var groups = s.Split('.');
        if (groups.Length is not (3 or 4) || groups[0].Length != 3 || groups[0][0] is not ('A' or 'B'))
        {
            return false;
        }

        return Guard.AllDigits(groups[0].AsSpan(1))
            && groups[1].Length is 2 or 3 && Guard.AllDigits(groups[1])
            && groups[2].Length == 3 && Guard.AllDigits(groups[2])
            && (groups.Length == 3 || (groups[3].Length == 3 && Guard.AllDigits(groups[3])));
    }
}
