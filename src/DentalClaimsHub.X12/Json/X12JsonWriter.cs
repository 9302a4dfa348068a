using System.Text;
using System.Text.Json;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Json;

/// <summary>
/// Renders a parsed document as stable JSON: interchanges, groups, transactions as loop trees (loop id and name),
/// segments with element values by position; a composite is an array, a repeated element <c>{"repetitions": […]}</c>.
/// Written straight to a <see cref="Utf8JsonWriter"/>, so large files do not build a node tree.
/// </summary>
public static partial class X12JsonWriter
{
    // Relaxed escaping keeps delimiters such as '>' and '&' readable; the output is a data file, not HTML.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as indented JSON text (LF line ends, no final newline).</summary>
    public static string ToJsonString(X12Document document)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, document);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the document as indented UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static void WriteTo(Stream stream, X12Document document)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        var delimiters = document.Delimiters ?? X12Delimiters.Default;
        json.WriteStartObject();
        json.WriteStartObject("delimiters");
        json.WriteString("element", delimiters.Element.ToString());
        json.WriteString("repetition", delimiters.HasRepetition ? delimiters.Repetition.ToString() : "");
        json.WriteString("component", delimiters.Component.ToString());
        json.WriteString("segment", delimiters.Segment.ToString());
        json.WriteEndObject();
        json.WriteStartArray("interchanges");
        foreach (var interchange in document.Interchanges)
            Interchange(json, interchange);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Interchange(Utf8JsonWriter json, X12Interchange interchange)
    {
        json.WriteStartObject();
        Segment(json, "header", interchange.Header);
        if (interchange.Acknowledgments.Count > 0)
        {
            json.WriteStartArray("acknowledgments");
            foreach (var ta1 in interchange.Acknowledgments)
                Segment(json, null, ta1);
            json.WriteEndArray();
        }

        json.WriteStartArray("groups");
        foreach (var group in interchange.Groups)
        {
            json.WriteStartObject();
            Segment(json, "header", group.Header);
            json.WriteStartArray("transactions");
            foreach (var transaction in group.Transactions)
                Transaction(json, transaction);
            json.WriteEndArray();
            Segment(json, "trailer", group.Trailer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Segment(json, "trailer", interchange.Trailer);
        json.WriteEndObject();
    }

    private static void Transaction(Utf8JsonWriter json, X12Transaction transaction)
    {
        json.WriteStartObject();
        json.WriteString("transactionSet", transaction.TransactionSetId);
        json.WriteString("guide", transaction.Schema?.Guide);
        json.WritePropertyName("root");
        Loop(json, transaction.Root);
        json.WriteEndObject();
    }

    private static void Loop(Utf8JsonWriter json, X12Loop loop)
    {
        json.WriteStartObject();
        json.WriteString("loop", loop.Id);
        json.WriteString("name", loop.Name);
        json.WriteStartArray("children");
        foreach (var child in loop.Children)
        {
            if (child is X12Loop nested) Loop(json, nested);
            else if (child is X12ParsedSegment parsed) Segment(json, null, parsed.Segment, unexpected: parsed.Rule is null);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
