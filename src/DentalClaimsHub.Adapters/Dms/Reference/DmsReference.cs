using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.Reference;

/// <summary>
/// Reference data for ДМС registries: the dental subset of the 804н nomenclature of medical services (code and official
/// name, as registries to insurers carry them) and the МКБ-10 block K00–K14 in Russian with which codes are specific
/// enough to bill. Loaded once from <c>schemas/dms</c>; the loader refuses a file that breaks the rules in
/// <c>schemas/dms/README.md</c>. Look-alike characters in incoming codes ("А16.07.002", "К04.5", "ВОЗ.003.001") are
/// folded by <see cref="NomenclatureCode"/> and <see cref="Icd10Code"/>.
/// </summary>
public sealed class DmsReference
{
    /// <summary>The dental subset of the 804н nomenclature.</summary>
    public const string NomenclatureFileName = "nomenclature-804n-dental.json";

    /// <summary>МКБ-10 K00–K14 in Russian.</summary>
    public const string DiagnosisFileName = "icd10-k00-k14.json";

    /// <summary>The files this class reads.</summary>
    public static readonly IReadOnlyList<string> FileNames = [NomenclatureFileName, DiagnosisFileName];

    private readonly FrozenDictionary<string, string> _services;
    private readonly FrozenDictionary<string, Diagnosis> _diagnoses;

    /// <summary>Loads both files from <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or breaks a rule; the message names the file and the entry.</exception>
    public DmsReference(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _services = LoadServices(Path.Combine(directory, NomenclatureFileName));
        _diagnoses = LoadDiagnoses(Path.Combine(directory, DiagnosisFileName));
    }

    /// <summary>How many services the nomenclature subset holds.</summary>
    public int ServiceCount => _services.Count;

    /// <summary>How many categories and subcategories the diagnosis list holds.</summary>
    public int DiagnosisCount => _diagnoses.Count;

    /// <summary>Loads from the <c>schemas/dms</c> folder found by <see cref="FindDirectory"/>.</summary>
    public static DmsReference LoadDefault() =>
        new(FindDirectory() ?? throw new DirectoryNotFoundException("schemas/dms was not found above the application folder."));

    /// <summary>Walks up from <paramref name="start"/> (default: the application folder) to find <c>schemas/dms</c>.</summary>
    public static string? FindDirectory(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "dms");
            if (Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }

    /// <summary>The official 804н name of exactly this code; null when the subset does not hold it.</summary>
    /// <remarks>An unknown refinement is not named after its base: "A16.07.002.999" gives null even though "A16.07.002" is known.</remarks>
    public string? ServiceName(NomenclatureCode code) =>
        code.Value is not null && _services.TryGetValue(code.Value, out var name) ? name : null;

    /// <summary>True when the subset holds exactly this code.</summary>
    public bool IsKnownService(NomenclatureCode code) => ServiceName(code) is not null;

    /// <summary>The Russian МКБ-10 name of exactly this code; null when the list does not hold it.</summary>
    public string? DiagnosisName(Icd10Code code) => Find(code)?.Name;

    /// <summary>True when the list holds exactly this code.</summary>
    public bool IsKnownDiagnosis(Icd10Code code) => Find(code) is not null;

    /// <summary>
    /// True when the code is as specific as insurers want it: a code of the list without subcategories (K02.1, not K02),
    /// or a national refinement of such a code (K04.01 under K04.0). An unknown subcategory of a category the list
    /// holds (K02.7) is false. Outside K00–K14 the list has no opinion, so the registry rule applies: the code must
    /// have a subdivision (at least four characters).
    /// </summary>
    public bool IsBillableDiagnosis(Icd10Code code)
    {
        if (code.Value is null)
            return false;
        if (Find(code) is { } known)
            return known.Billable;

        for (var parent = Parent(code.Value); parent is not null; parent = Parent(parent))
        {
            if (_diagnoses.TryGetValue(parent, out var ancestor))
                return ancestor.Billable;
        }

        return !IsInBlock(code) && code.Value.Length > 3;
    }

    /// <summary>
    /// Reads a service code as registries write it — Cyrillic А/В for the letter, О/З for digits, commas, stray spaces —
    /// into its canonical form. True when <paramref name="raw"/> is a well-formed 804н code, known to the subset or not
    /// (see <see cref="IsKnownService"/>).
    /// </summary>
    public bool TryNormaliseService([NotNullWhen(true)] string? raw, out NomenclatureCode code) =>
        NomenclatureCode.TryParse(raw, out code);

    /// <summary>
    /// Reads an МКБ-10 code as registries write it — Cyrillic К, О for 0, commas, a missing dot — into its canonical form.
    /// МКБ-10 subdivisions are digits, so when the parsed code is unknown but reading a letter O after the dot as 0 gives
    /// a code of the list, that code is returned. True when <paramref name="raw"/> is a well-formed code, known or not
    /// (see <see cref="IsKnownDiagnosis"/>).
    /// </summary>
    public bool TryNormaliseDiagnosis([NotNullWhen(true)] string? raw, out Icd10Code code)
    {
        if (!Icd10Code.TryParse(raw, out code))
            return false;
        if (Find(code) is not null || code.Value.Length <= 3)
            return true;

        var digits = code.Value[..4] + code.Value[4..].Replace('O', '0');
        if (_diagnoses.ContainsKey(digits))
            code = Icd10Code.Parse(digits);

        return true;
    }

    private Diagnosis? Find(Icd10Code code) =>
        code.Value is not null && _diagnoses.TryGetValue(code.Value, out var diagnosis) ? diagnosis : null;

    // "K04.01" → "K04.0" → "K04" → null.
    private static string? Parent(string value)
    {
        if (value.Length <= 3)
            return null;

        var shorter = value[..^1];
        return shorter.EndsWith('.') ? shorter[..^1] : shorter;
    }

    private static bool IsInBlock(Icd10Code code) => IsInBlock(code.Value);

    private static bool IsInBlock(string code) =>
        code[0] == 'K' && int.TryParse(code.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 14;

    private static FrozenDictionary<string, string> LoadServices(string path) =>
        DmsReferenceFile.Load(
                path,
                "804n-dental",
                text => NomenclatureCode.TryParse(text, out var code) ? code.Value : null,
                _ => null,
                withBillable: false)
            .ToFrozenDictionary(e => e.Code, e => e.Name, StringComparer.Ordinal);

    private static FrozenDictionary<string, Diagnosis> LoadDiagnoses(string path)
    {
        var entries = DmsReferenceFile.Load(
            path,
            "icd10-k00-k14",
            text => Icd10Code.TryParse(text, out var code) ? code.Value : null,
            code => IsInBlock(code) ? null : "code is outside the block K00–K14",
            withBillable: true);

        // A code is billable exactly when no other code of the list refines it; the file says so and the loader checks.
        var codes = entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var code = entries[i].Code;
            var refined = codes.Any(other => other.Length > code.Length && other.StartsWith(code, StringComparison.Ordinal));
            if (entries[i].Billable == refined)
            {
                errors.Add(refined
                    ? $"entries[{i}] ({code}): billable must be false, the list holds its subcategories"
                    : $"entries[{i}] ({code}): billable must be true, the list holds no subcategory of it");
            }

            if (code.Length > 3 && !codes.Contains(code[..3]))
                errors.Add($"entries[{i}] ({code}): its category {code[..3]} is missing");
        }

        if (errors.Count > 0)
            throw DmsReferenceFile.Refusal(path, errors);

        return entries.ToFrozenDictionary(e => e.Code, e => new Diagnosis(e.Name, e.Billable == true), StringComparer.Ordinal);
    }

    private sealed record Diagnosis(string Name, bool Billable);
}
