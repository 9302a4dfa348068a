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
        ["carc.json", "rarc.json", "claim-status-category.json", "claim-status.json", "entity-identifier.json"];

    private readonly FrozenDictionary<string, string> _carc;
    private readonly FrozenDictionary<string, string> _rarc;
    private readonly FrozenDictionary<string, string> _categories;
    private readonly FrozenDictionary<string, ClaimStatusKind> _categoryKinds;
    private readonly FrozenDictionary<string, string> _statuses;
    private readonly FrozenDictionary<string, string> _entities;

    /// <summary>Loads the five code set files from <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or breaks the rules in <c>schemas/codes/README.md</c>.</exception>
    public X12CodeDescriptions(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _carc = Load(directory, "carc").Descriptions.ToFrozenDictionary(StringComparer.Ordinal);
        _rarc = Load(directory, "rarc").Descriptions.ToFrozenDictionary(StringComparer.Ordinal);
        var categories = Load(directory, "claim-status-category", withKind: true);
        _categories = categories.Descriptions.ToFrozenDictionary(StringComparer.Ordinal);
        _categoryKinds = categories.CategoryKinds.ToFrozenDictionary(StringComparer.Ordinal);
        _statuses = Load(directory, "claim-status").Descriptions.ToFrozenDictionary(StringComparer.Ordinal);
        _entities = Load(directory, "entity-identifier").Descriptions.ToFrozenDictionary(StringComparer.Ordinal);
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
