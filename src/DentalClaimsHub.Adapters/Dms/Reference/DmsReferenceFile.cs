using System.Text.Json;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Dms.Reference;

/// <summary>
/// One <c>schemas/dms/*.json</c> code list read and checked against the rules in <c>schemas/dms/README.md</c>: the
/// declared code set, a source, and entries whose codes are canonical, unique and in ordinal order, with one-line names.
/// </summary>
internal static class DmsReferenceFile
{
    private const int MaxNameLength = 300;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>An entry that passed the checks: its canonical code, its name and, for diagnoses, its billable flag.</summary>
    public sealed record Checked(string Code, string Name, bool? Billable);

    /// <summary>
    /// Reads <paramref name="path"/>, which must declare <paramref name="codeSet"/>. <paramref name="canonical"/> gives a
    /// code's canonical text, or null when it is not a code at all; a code is accepted only when it is already written
    /// that way, so a look-alike letter in the data file is an error rather than something the loader quietly repairs.
    /// <paramref name="outside"/> says why a well-formed code does not belong in the list, or null.
    /// <paramref name="withBillable"/> says whether entries carry <c>billable</c> (the diagnosis list) or must not.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is missing, malformed or breaks a rule; the message names the file and every bad entry.
    /// </exception>
    public static IReadOnlyList<Checked> Load(
        string path, string codeSet, Func<string, string?> canonical, Func<string, string?> outside, bool withBillable)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new InvalidDataException($"Reference file {path} is missing.");

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: not a valid reference file ({ex.Message}).", ex);
        }

        var errors = new List<string>();
        if (document?.CodeSet != codeSet)
            errors.Add($"codeSet must be \"{codeSet}\"");
        if (string.IsNullOrWhiteSpace(document?.Source))
            errors.Add("source must name where the list comes from");

        var entries = document?.Entries ?? [];
        if (entries.Count == 0)
            errors.Add("entries must not be empty");

        var result = new List<Checked>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"entries[{i}]";
            if (entry is null)
            {
                errors.Add($"{at}: must be an object");
                continue;
            }

            var written = entry.Code is null ? null : canonical(entry.Code);
            if (written is null)
            {
                errors.Add($"{at}: code '{entry.Code}' is not a well-formed code");
                continue;
            }

            at = $"{at} ({entry.Code})";
            if (!string.Equals(entry.Code, written, StringComparison.Ordinal))
                errors.Add($"{at}: code must be written as {written} (Latin letters, dots, no spaces)");
            else if (outside(written) is { } why)
                errors.Add($"{at}: {why}");

            if (string.IsNullOrWhiteSpace(entry.Name))
                errors.Add($"{at}: name is missing");
            else if (entry.Name != entry.Name.Trim() || entry.Name.Length > MaxNameLength || entry.Name.Any(char.IsControl))
                errors.Add($"{at}: name must be one trimmed line of at most {MaxNameLength} characters");

            if (withBillable && entry.Billable is null)
                errors.Add($"{at}: billable is missing");
            else if (!withBillable && entry.Billable is not null)
                errors.Add($"{at}: billable belongs to the diagnosis list only");

            if (!seen.Add(entry.Code!))
                errors.Add($"{at}: duplicate code");
            else if (previous is not null && string.CompareOrdinal(previous, entry.Code) > 0)
                errors.Add($"{at}: out of order, must come before {previous}");

            previous = entry.Code;
            result.Add(new Checked(written, entry.Name ?? "", entry.Billable));
        }

        if (errors.Count > 0)
            throw new InvalidDataException($"{name}: {string.Join("; ", errors)}.");

        return result;
    }

    /// <summary>Refuses a file the way <see cref="Load"/> does, for checks that need every entry first.</summary>
    public static InvalidDataException Refusal(string path, IEnumerable<string> errors) =>
        new($"{Path.GetFileName(path)}: {string.Join("; ", errors)}.");

    private sealed record Document(string? CodeSet, string? Source, List<Entry?>? Entries);

    private sealed record Entry(string? Code, string? Name, bool? Billable);
}
