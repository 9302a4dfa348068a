using System.Text.Json;

namespace DentalClaimsHub.X12.Schemas;

/// <summary>Reads the loop tree of the schema format and applies per-position element overrides.</summary>
internal static class X12SchemaStructureReader
{
    public static X12LoopSchema ReadLoop(JsonElement json, IReadOnlyDictionary<string, X12SegmentSchema> segments, bool isRoot = false)
    {
        var children = new List<X12StructureNode>();
        foreach (var child in json.GetProperty("children").EnumerateArray())
        {
            children.Add(child.TryGetProperty("loop", out _)
                ? ReadLoop(child, segments)
                : ReadSegmentRule(child, segments));
        }

        var id = json.GetProperty("loop").GetString()!;
        if (children.Count == 0 || children[0] is not X12SegmentRule)
            throw new FormatException($"loop {id} must start with a segment");

        return new X12LoopSchema
        {
            Id = id,
            Name = json.GetProperty("name").GetString()!,
            Usage = X12SchemaElementReader.ParseUsage(json.GetProperty("usage").GetString()),
            Repeat = json.GetProperty("repeat").GetInt32(),
            Children = children,
        };
    }

    private static X12SegmentRule ReadSegmentRule(JsonElement json, IReadOnlyDictionary<string, X12SegmentSchema> segments)
    {
        var id = json.GetProperty("segment").GetString()!;
        if (!segments.TryGetValue(id, out var baseSegment))
            throw new FormatException($"segment {id} is used but not defined");

        X12Qualifier? qualifier = null;
        if (json.TryGetProperty("qualifier", out var q))
        {
            var values = q.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
            qualifier = new X12Qualifier(q.GetProperty("element").GetInt32(), values);
        }

        var segment = json.TryGetProperty("elements", out var overrides) ? ApplyOverrides(baseSegment, overrides) : baseSegment;
        // The qualifier's values are the only codes allowed in the qualifying element at this position.
        if (qualifier is not null)
            segment = Override(segment, qualifier.Element, null, e => e with { Codes = qualifier.Values, CodesPartial = false });

        return new X12SegmentRule
        {
            Segment = segment,
            Usage = X12SchemaElementReader.ParseUsage(json.GetProperty("usage").GetString()),
            MaxUse = json.GetProperty("max").GetInt32(),
            Qualifier = qualifier,
        };
    }

    private static X12SegmentSchema ApplyOverrides(X12SegmentSchema segment, JsonElement overrides)
    {
        foreach (var property in overrides.EnumerateObject())
        {
            // Keys look like "NM108" or "CLM05-3".
            var key = property.Name[segment.Id.Length..];
            var parts = key.Split('-');
            var element = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            int? component = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null;
            var value = property.Value;
            segment = Override(segment, element, component, e => e with
            {
                Usage = value.TryGetProperty("usage", out var u) ? X12SchemaElementReader.ParseUsage(u.GetString()) : e.Usage,
                Codes = value.TryGetProperty("codes", out _) ? X12SchemaElementReader.ReadCodes(value) : e.Codes,
                CodesPartial = value.TryGetProperty("codesPartial", out var p) ? p.GetBoolean() : !value.TryGetProperty("codes", out _) && e.CodesPartial,
            });
        }

        return segment;
    }

    private static X12SegmentSchema Override(X12SegmentSchema segment, int element, int? component, Func<X12ElementSchema, X12ElementSchema> change)
    {
        var elements = segment.Elements.ToList();
        var target = segment.Element(element) ?? throw new FormatException($"{segment.Id}{element:00} is not defined");
        if (component is { } c)
        {
            var components = target.Components.ToList();
            components[c - 1] = change(components[c - 1]);
            elements[element - 1] = target with { Components = components };
        }
        else
        {
            elements[element - 1] = change(target);
        }

        return segment with { Elements = elements };
    }
}
