using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Adapters.Codes;

/// <summary>One <c>schemas/codes/*.json</c> file read and checked: its entries by code, and the kind of each category.</summary>
internal sealed partial class X12CodeSetFile
{
    private const int MaxDescriptionLength = 120;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly Dictionary<string, ClaimStatusKind> Kinds = new(StringComparer.Ordinal)
    {
        ["acknowledgement"] = ClaimStatusKind.Acknowledgement,
        ["rejected"] = ClaimStatusKind.Rejected,
        ["pending"] = ClaimStatusKind.Pending,
        ["finalized"] = ClaimStatusKind.Finalized,
        ["request"] = ClaimStatusKind.Request,
        ["error"] = ClaimStatusKind.Error,
        ["data-search"] = ClaimStatusKind.DataSearch,
    };

    private X12CodeSetFile(Dictionary<string, string> descriptions, Dictionary<string, string> russian, Dictionary<string, ClaimStatusKind> kinds)
    {
        Descriptions = descriptions;
        Russian = russian;
        CategoryKinds = kinds;
    }

    public Dictionary<string, string> Descriptions { get; }

    /// <summary>The optional Russian wordings (<c>ru</c>) by code; codes without one are absent.</summary>
    public Dictionary<string, string> Russian { get; }

    public Dictionary<string, ClaimStatusKind> CategoryKinds { get; }

    /// <summary>
    /// Reads <paramref name="path"/>, which must declare <paramref name="codeSet"/>; entries need a code, a non-empty
    /// description of at most 120 characters, no duplicates, and a known <c>kind</c> exactly when <paramref name="withKind"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, malformed or breaks a rule; the message lists every problem.</exception>
    public static X12CodeSetFile Load(string path, string codeSet, bool withKind)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new InvalidDataException($"Code set file {path} is missing.");

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: not a valid code set file ({ex.Message}).", ex);
        }

        var errors = new List<string>();
        if (document?.CodeSet != codeSet)
            errors.Add($"codeSet must be \"{codeSet}\"");

        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var russian = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, ClaimStatusKind>(StringComparer.Ordinal);
        var entries = document?.Entries ?? [];
        if (entries.Count == 0)
            errors.Add("entries must not be empty");

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"entries[{i}]";
            if (entry.Code is null || !CodePattern().IsMatch(entry.Code))
            {
                errors.Add($"{at}: code must be 1–5 upper-case letters or digits");
                continue;
            }

            at = $"{at} ({entry.Code})";
            if (string.IsNullOrWhiteSpace(entry.Description))
                errors.Add($"{at}: description is empty");
            else if (entry.Description != entry.Description.Trim() || entry.Description.Length > MaxDescriptionLength
                     || entry.Description.Any(char.IsControl))
                errors.Add($"{at}: description must be one trimmed line of at most {MaxDescriptionLength} characters");

            if (!descriptions.TryAdd(entry.Code, entry.Description ?? ""))
                errors.Add($"{at}: duplicate code");

            if (entry.Ru is not null)
            {
                if (string.IsNullOrWhiteSpace(entry.Ru) || entry.Ru != entry.Ru.Trim() || entry.Ru.Length > MaxDescriptionLength
                    || entry.Ru.Any(char.IsControl))
                    errors.Add($"{at}: ru must be one trimmed, non-empty line of at most {MaxDescriptionLength} characters");
                else
                    russian.TryAdd(entry.Code, entry.Ru);
            }

            if (withKind)
            {
                if (entry.Kind is not null && Kinds.TryGetValue(entry.Kind, out var kind))
                    kinds.TryAdd(entry.Code, kind);
                else
                    errors.Add($"{at}: kind must be one of {string.Join(", ", Kinds.Keys)}");
            }
            else if (entry.Kind is not null)
            {
                errors.Add($"{at}: kind belongs to claim-status-category.json only");
            }
        }

        if (errors.Count > 0)
            throw new InvalidDataException($"{name}: {string.Join("; ", errors)}.");

        return new X12CodeSetFile(descriptions, russian, kinds);
    }

    [GeneratedRegex("^[A-Z0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private sealed record Document(string? CodeSet, List<Entry>? Entries);

    private sealed record Entry(string? Code, string? Description, string? Kind, string? Ru);
}
