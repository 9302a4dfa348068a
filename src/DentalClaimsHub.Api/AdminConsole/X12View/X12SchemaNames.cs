using System.Collections.Frozen;
using System.Globalization;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>
/// Segment, element and loop names of the X12 schemas in the console user's language
/// (<see cref="CultureInfo.CurrentUICulture"/>). The schemas carry the implementation guides' English and stay
/// language-neutral; the translations are data beside them in <c>schemas/x12/names</c>. English, a language without a
/// file and a name without a translation all read in the guide's English.
/// </summary>
public sealed class X12SchemaNames
{
    /// <summary>The folder under <c>schemas/x12</c> that holds one names file per language.</summary>
    public const string Folder = "names";

    private readonly FrozenDictionary<string, X12NameTranslations> _languages;

    public X12SchemaNames(IEnumerable<X12NameTranslations> languages) =>
        _languages = languages.ToFrozenDictionary(l => l.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Loads every <c>names/*.json</c> under <paramref name="schemasDirectory"/> (<c>schemas/x12</c>); none when there is
    /// no such folder (every name then reads in English).
    /// </summary>
    /// <exception cref="InvalidDataException">A names file breaks the rules in <c>schemas/x12/README.md</c>.</exception>
    public static X12SchemaNames Load(string? schemasDirectory)
    {
        var folder = schemasDirectory is null ? null : Path.Combine(schemasDirectory, Folder);
        if (folder is null || !Directory.Exists(folder))
            return new X12SchemaNames([]);
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal);
        return new X12SchemaNames(files.Select(X12NameTranslations.LoadFile));
    }

    /// <summary>The translations into <paramref name="language"/> (two-letter code), or null when there are none.</summary>
    public X12NameTranslations? For(string language) => _languages.GetValueOrDefault(language);

    /// <summary>A segment's name (<c>Claim Information</c>) in the user's language.</summary>
    public string? Segment(string? english) => Translate(english, t => t.Segments);

    /// <summary>An element's or component's name (<c>Total Claim Charge Amount</c>) in the user's language.</summary>
    public string? Element(string? english) => Translate(english, t => t.Elements);

    /// <summary>A loop's name (<c>Subscriber Name</c>) in the user's language.</summary>
    public string? Loop(string? english) => Translate(english, t => t.Loops);

    private string? Translate(string? english, Func<X12NameTranslations, FrozenDictionary<string, string>> kind) =>
        english is not null && For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) is { } language
            && kind(language).TryGetValue(english, out var translated)
            ? translated
            : english;
}
