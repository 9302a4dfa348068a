using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Json;

/// <summary>Turns the JSON of <see cref="X12JsonWriter"/> back into segments and X12 text.</summary>
public static class X12JsonReader
{
    /// <summary>The segments of the JSON document, in order, expressed in its delimiters.</summary>
    /// <exception cref="JsonException">The JSON is not in the shape <see cref="X12JsonWriter"/> produces.</exception>
    public static (X12Delimiters Delimiters, IReadOnlyList<X12Segment> Segments) ReadSegments(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("empty JSON");
        var delimiters = ReadDelimiters(root["delimiters"]);
        var segments = new List<X12Segment>();
        foreach (var interchange in Array(root, "interchanges"))
        {
            Add(segments, interchange["header"], delimiters);
            foreach (var ack in interchange["acknowledgments"]?.AsArray() ?? [])
                Add(segments, ack, delimiters);
            foreach (var group in Array(interchange!, "groups"))
            {
                Add(segments, group["header"], delimiters);
                foreach (var transaction in Array(group!, "transactions"))
                    AddLoop(segments, transaction!["root"], delimiters);
                Add(segments, group["trailer"], delimiters);
            }

            Add(segments, interchange["trailer"], delimiters);
        }

        return (delimiters, segments);
    }

    /// <summary>X12 text from the JSON document; <paramref name="lineBreaks"/> adds a line feed after each terminator.</summary>
    /// <exception cref="JsonException">The JSON is not in the expected shape.</exception>
    /// <exception cref="ArgumentException">A value contains a delimiter of the document (X12 cannot escape it).</exception>
    public static string ToX12(string json, bool lineBreaks = true)
    {
        var (delimiters, segments) = ReadSegments(json);
        using var stream = new MemoryStream();
        using (var writer = new X12Writer(stream, delimiters, new X12WriterOptions { LineBreakAfterSegment = lineBreaks, LeaveOpen = true }))
        {
            foreach (var segment in segments)
                writer.Write(segment);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IEnumerable<JsonObject> Array(JsonNode node, string name) =>
        (node[name]?.AsArray() ?? []).Select(n => n?.AsObject() ?? throw new JsonException($"null item in {name}"));

    private static void AddLoop(List<X12Segment> segments, JsonNode? loop, X12Delimiters delimiters)
    {
        foreach (var child in loop?["children"]?.AsArray() ?? throw new JsonException("loop without children"))
        {
            if (child?["loop"] is not null) AddLoop(segments, child, delimiters);
            else Add(segments, child, delimiters);
        }
    }

    private static void Add(List<X12Segment> segments, JsonNode? node, X12Delimiters delimiters)
    {
        if (node is null)
            return;
        var id = node["segment"]?.GetValue<string>() ?? throw new JsonException("segment without id");
        var elements = node["elements"]?.AsArray() ?? [];
        var raw = elements.Select(e => Raw(e, delimiters)).ToArray();
        segments.Add(X12Segment.Create(delimiters, id, raw));
    }

    private static string Raw(JsonNode? element, X12Delimiters delimiters) => element switch
    {
        null => "",
        JsonArray components => string.Join(delimiters.Component, components.Select(c => c?.GetValue<string>() ?? "")),
        JsonObject { } repeated => string.Join(delimiters.Repetition,
            (repeated["repetitions"]?.AsArray() ?? []).Select(r => Raw(r, delimiters))),
        _ => element.GetValue<string>(),
    };

    private static X12Delimiters ReadDelimiters(JsonNode? node)
    {
        if (node is null)
            return X12Delimiters.Default;
        static char Char(JsonNode n, string name) => n[name]?.GetValue<string>() is { Length: 1 } s ? s[0] : '\0';
        return new X12Delimiters(Char(node, "element"), Char(node, "repetition"), Char(node, "component"), Char(node, "segment"));
    }
}
