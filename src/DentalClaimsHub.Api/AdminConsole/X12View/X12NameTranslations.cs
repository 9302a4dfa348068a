using System.Collections.Frozen;
using System.Text.Json;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>
/// One language's names for the X12 schemas (<c>schemas/x12/names/&lt;language&gt;.json</c>): the guides' English segment,
/// element (and component) and loop names, each kind its own map, to that language's words.
/// </summary>
public sealed record X12NameTranslations(
    string Language,
    FrozenDictionary<string, string> Segments,
    FrozenDictionary<string, string> Elements,
    FrozenDictionary<string, string> Loops)
{
    /// <summary>The format tag every names file carries.</summary>
    public const string Format = "dch-x12-names/1";

    private static readonly string[] Kinds = ["elements", "loops", "segments"];

    /// <summary>Reads a names file; its <c>language</c> must be its file name.</summary>
    /// <exception cref="InvalidDataException">The file breaks the rules in <c>schemas/x12/README.md</c>.</exception>
    public static X12NameTranslations LoadFile(string path)
    {
        var language = Path.GetFileNameWithoutExtension(path);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid(path, "the file is not a JSON object");
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("format" or "language") && !Kinds.Contains(property.Name))
                    throw Invalid(path, $"unknown property '{property.Name}'");
            }

            if (Text(root, "format") != Format)
                throw Invalid(path, $"format is not '{Format}'");
            if (Text(root, "language") != language)
                throw Invalid(path, $"language is not '{language}', the file's name");

            return new X12NameTranslations(
                language, Names(root, "segments", path), Names(root, "elements", path), Names(root, "loops", path));
        }
        catch (JsonException ex)
        {
            throw Invalid(path, ex.Message);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static FrozenDictionary<string, string> Names(JsonElement root, string kind, string path)
    {
        if (!root.TryGetProperty(kind, out var names) || names.ValueKind != JsonValueKind.Object)
            throw Invalid(path, $"'{kind}' is not an object of names");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.EnumerateObject())
        {
            if (name.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.Value.GetString()))
                throw Invalid(path, $"{kind}: '{name.Name}' has no words");
            if (!result.TryAdd(name.Name, name.Value.GetString()!))
                throw Invalid(path, $"{kind}: '{name.Name}' is there twice");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static InvalidDataException Invalid(string path, string why) => new($"{path}: {why}.");
}
