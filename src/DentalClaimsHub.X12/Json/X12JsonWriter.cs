using System.Text.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Json;

/// <summary>
/// Renders a parsed document as stable JSON: interchanges, groups, transactions as loop trees (loop id and name),
/// segments with element values by position; a composite is an array, a repeated element <c>{"repetitions": […]}</c>.
/// </summary>
public static class X12JsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>The document as a JSON object.</summary>
    public static JsonObject ToJson(X12Document document)
    {
        var delimiters = document.Delimiters ?? X12Delimiters.Default;
        return new JsonObject
        {
            ["delimiters"] = new JsonObject
            {
                ["element"] = delimiters.Element.ToString(),
                ["repetition"] = delimiters.HasRepetition ? delimiters.Repetition.ToString() : "",
                ["component"] = delimiters.Component.ToString(),
                ["segment"] = delimiters.Segment.ToString(),
            },
            ["interchanges"] = new JsonArray([.. document.Interchanges.Select(Interchange)]),
        };
    }

    /// <summary>The document as indented JSON text (LF line ends).</summary>
    public static string ToJsonString(X12Document document) => ToJson(document).ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static JsonObject Interchange(X12Interchange interchange)
    {
        var json = new JsonObject { ["header"] = Segment(interchange.Header) };
        if (interchange.Acknowledgments.Count > 0)
            json["acknowledgments"] = new JsonArray([.. interchange.Acknowledgments.Select(s => (JsonNode)Segment(s))]);
        json["groups"] = new JsonArray([.. interchange.Groups.Select(Group)]);
        json["trailer"] = interchange.Trailer is null ? null : Segment(interchange.Trailer);
        return json;
    }

    private static JsonObject Group(X12FunctionalGroup group) => new()
    {
        ["header"] = Segment(group.Header),
        ["transactions"] = new JsonArray([.. group.Transactions.Select(Transaction)]),
        ["trailer"] = group.Trailer is null ? null : Segment(group.Trailer),
    };

    private static JsonObject Transaction(X12Transaction transaction) => new()
    {
        ["transactionSet"] = transaction.TransactionSetId,
        ["guide"] = transaction.Schema?.Guide,
        ["root"] = Loop(transaction.Root),
    };

    private static JsonObject Loop(X12Loop loop) => new()
    {
        ["loop"] = loop.Id,
        ["name"] = loop.Name,
        ["children"] = new JsonArray([.. loop.Children.Select(Node)]),
    };

    private static JsonNode Node(X12Node node) => node switch
    {
        X12Loop loop => Loop(loop),
        X12ParsedSegment { Rule: null } unexpected => Segment(unexpected.Segment, unexpected: true),
        X12ParsedSegment parsed => Segment(parsed.Segment),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    /// <summary>One segment as <c>{"segment": id, "elements": […]}</c>.</summary>
    public static JsonObject Segment(X12Segment segment, bool unexpected = false)
    {
        var json = new JsonObject { ["segment"] = segment.Id };
        if (unexpected)
            json["unexpected"] = true;
        json["elements"] = new JsonArray([.. Enumerable.Range(1, segment.ElementCount).Select(i => Element(segment, i))]);
        return json;
    }

    private static JsonNode Element(X12Segment segment, int position)
    {
        var raw = segment[position];
        if (segment.Id == "ISA")
            return JsonValue.Create(raw);

        var delimiters = segment.Delimiters;
        if (delimiters.HasRepetition && raw.Contains(delimiters.Repetition, StringComparison.Ordinal))
            return new JsonObject { ["repetitions"] = new JsonArray([.. raw.Split(delimiters.Repetition).Select(r => Value(r, delimiters))]) };
        return Value(raw, delimiters);
    }

    private static JsonNode Value(string raw, X12Delimiters delimiters) =>
        raw.Contains(delimiters.Component, StringComparison.Ordinal)
            ? new JsonArray([.. raw.Split(delimiters.Component).Select(c => (JsonNode)JsonValue.Create(c))])
            : JsonValue.Create(raw);
}
