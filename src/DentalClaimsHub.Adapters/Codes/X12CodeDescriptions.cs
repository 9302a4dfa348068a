using System.Collections.Frozen;

namespace DentalClaimsHub.Adapters.Codes;

/// <summary>
/// Plain-English descriptions of the codes X12 uses to say why money was cut or a claim was rejected: CARC (835 CAS),
/// RARC (835 LQ*HE / MOA), claim status categories and codes (277 / 277CA STC01-1, -2) and entity identifiers
/// (STC01-3). Loaded once from <c>schemas/codes</c>; lookups are case-sensitive as in X12 and return null for a code
/// the lists do not hold.
/// </summary>
public sealed partial class X12CodeDescriptions
{
    /// <summary>The files this class reads, by code set name.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [
            "carc.json", "rarc.json", "claim-status-category.json", "claim-status.json", "entity-identifier.json",
            "ack999-segment-error.json", "ack999-element-error.json", "ack999-transaction.json",
        ];

    private readonly FrozenDictionary<string, string> _carc;
    private readonly FrozenDictionary<string, string> _rarc;
    private readonly FrozenDictionary<string, string> _categories;
    private readonly FrozenDictionary<string, ClaimStatusKind> _categoryKinds;
    private readonly FrozenDictionary<string, string> _statuses;
    private readonly FrozenDictionary<string, string> _entities;
    private readonly FrozenDictionary<string, (FrozenDictionary<string, string> English, FrozenDictionary<string, string> Russian)> _sets;

    /// <summary>Loads the code set files in <see cref="FileNames"/> from <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or breaks the rules in <c>schemas/codes/README.md</c>.</exception>
    public X12CodeDescriptions(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var files = FileNames.Select(f => Path.GetFileNameWithoutExtension(f))
            .ToDictionary(set => set, set => Load(directory, set, withKind: set == "claim-status-category"), StringComparer.Ordinal);
        _sets = files.ToFrozenDictionary(
            p => p.Key,
            p => (p.Value.Descriptions.ToFrozenDictionary(StringComparer.Ordinal), p.Value.Russian.ToFrozenDictionary(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        _carc = _sets["carc"].English;
        _rarc = _sets["rarc"].English;
        _categories = _sets["claim-status-category"].English;
        _categoryKinds = files["claim-status-category"].CategoryKinds.ToFrozenDictionary(StringComparer.Ordinal);
        _statuses = _sets["claim-status"].English;
        _entities = _sets["entity-identifier"].English;
    }

    /// <summary>
    /// The description of <paramref name="code"/> in the code set <paramref name="codeSet"/> (a file name without
    /// <c>.json</c>, e.g. <c>carc</c>, <c>ack999-element-error</c>) in Russian when <paramref name="russian"/> and the file
    /// holds a <c>ru</c> wording, else in English; null for an unknown set or code.
    /// </summary>
    public string? Describe(string codeSet, string? code, bool russian = false)
    {
        if (code is null || !_sets.TryGetValue(codeSet, out var set))
            return null;
        var key = code.Trim();
        if (russian && set.Russian.TryGetValue(key, out var ru))
            return ru;
        return set.English.TryGetValue(key, out var en) ? en : null;
    }

    /// <summary>Loads from the <c>schemas/codes</c> folder found by <see cref="FindCodesDirectory"/>.</summary>
    public static X12CodeDescriptions LoadDefault() =>
        new(FindCodesDirectory() ?? throw new DirectoryNotFoundException("schemas/codes was not found above the application folder."));

    /// <summary>Walks up from <paramref name="start"/> (default: <see cref="AppContext.BaseDirectory"/>) to find <c>schemas/codes</c>.</summary>
    public static string? FindCodesDirectory(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "codes");
            if (Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }

    /// <summary>Claim adjustment reason code (CAS02, CAS05, …), e.g. <c>45</c>.</summary>
    public string? Carc(string? code) => Find(_carc, code);

    /// <summary>Remittance advice remark code (LQ02 with LQ01 = HE, MOA, MIA), e.g. <c>N130</c>.</summary>
    public string? Rarc(string? code) => Find(_rarc, code);

    /// <summary>Claim status category code (code source 507, STC01-1), e.g. <c>A7</c>.</summary>
    public string? StatusCategory(string? code) => Find(_categories, code);

    /// <summary>What a claim status category means for the claim; null for a category the list does not hold.</summary>
    public ClaimStatusKind? StatusCategoryKind(string? code) =>
        code is not null && _categoryKinds.TryGetValue(code.Trim(), out var kind) ? kind : null;

    /// <summary>Claim status code (code source 508, STC01-2), e.g. <c>562</c>.</summary>
    public string? Status(string? code) => Find(_statuses, code);

    /// <summary>Entity identifier code (STC01-3), e.g. <c>85</c>.</summary>
    public string? Entity(string? code) => Find(_entities, code);

    private static string? Find(FrozenDictionary<string, string> set, string? code) =>
        code is not null && set.TryGetValue(code.Trim(), out var description) ? description : null;

    private static X12CodeSetFile Load(string directory, string codeSet, bool withKind = false) =>
        X12CodeSetFile.Load(Path.Combine(directory, codeSet + ".json"), codeSet, withKind);
}
