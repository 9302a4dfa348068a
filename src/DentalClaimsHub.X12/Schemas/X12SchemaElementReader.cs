using System.Text.Json;

namespace DentalClaimsHub.X12.Schemas;

/// <summary>Reads segment and element definitions of the schema format.</summary>
internal static class X12SchemaElementReader
{
    public static X12SegmentSchema ReadSegment(string id, JsonElement json)
    {
        var elements = json.GetProperty("elements").EnumerateArray().Select(ReadElement).ToList();
        return new X12SegmentSchema(id, json.GetProperty("name").GetString()!, elements);
    }

    public static X12ElementSchema ReadElement(JsonElement json)
    {
        var components = json.TryGetProperty("components", out var list)
            ? list.EnumerateArray().Select(ReadElement).ToList()
            : [];
        return new X12ElementSchema
        {
            Position = json.GetProperty("position").GetInt32(),
            Ref = json.GetProperty("ref").GetString()!,
            Name = json.GetProperty("name").GetString()!,
            Type = json.GetProperty("type").GetString()!,
            MinLength = json.TryGetProperty("min", out var min) ? min.GetInt32() : 0,
            MaxLength = json.TryGetProperty("max", out var max) ? max.GetInt32() : 0,
            Usage = ParseUsage(json.GetProperty("usage").GetString()),
            Codes = ReadCodes(json),
            CodesPartial = json.TryGetProperty("codesPartial", out var partial) && partial.GetBoolean(),
            Repeat = json.TryGetProperty("repeat", out var repeat) ? repeat.GetInt32() : 1,
            Components = components,
        };
    }

    public static IReadOnlySet<string> ReadCodes(JsonElement json) =>
        json.TryGetProperty("codes", out var codes)
            ? codes.EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    public static X12Usage ParseUsage(string? usage) => usage switch
    {
        "R" => X12Usage.Required,
        "S" => X12Usage.Situational,
        "N" => X12Usage.NotUsed,
        _ => throw new FormatException($"usage '{usage}' is not R, S or N"),
    };
}
