using System.Text;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>
/// Turns a stored X12 message into rows for the viewer with our own parser: envelopes and loops give the depth, the
/// schema files give segment, element and loop names (in the user's language through <paramref name="names"/>). Never
/// throws for a broken file: it falls back to one row per segment.
/// </summary>
public sealed class X12ViewBuilder(X12Parser parser, X12SchemaNames names)
{
    private const int EnvelopeDepth = 2;

    /// <summary>A parsed message: its view, and the document (null when it could not be parsed) for highlighting.</summary>
    public sealed record Parsed(X12MessageView View, X12Document? Document)
    {
        private Dictionary<int, X12RowView>? _byOrdinal;

        public X12RowView? Row(int ordinal) =>
            (_byOrdinal ??= View.Rows.GroupBy(r => r.Ordinal).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(ordinal);
    }

    /// <summary>True when the bytes look like X12 (an ISA after optional white space).</summary>
    public static bool LooksLikeX12(string text) => text.AsSpan().TrimStart().StartsWith("ISA", StringComparison.Ordinal);

    public Parsed Build(byte[] content) => Build(Encoding.UTF8.GetString(content));

    public Parsed Build(string text)
    {
        X12Document? document = null;
        try
        {
            document = parser.Parse(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A file our parser cannot read at all still gets rows below.
        }

        if (document is { Delimiters: { } delimiters } && document.Interchanges.Count > 0 && document.Segments.Count > 0)
        {
            var rows = Structured(document);
            if (rows is not null)
                return new Parsed(new X12MessageView(rows, true, delimiters.Element, delimiters.Component, delimiters.Repetition), document);
        }

        return new Parsed(Flat(text, document), null);
    }

    private List<X12RowView>? Structured(X12Document document)
    {
        var placed = new Dictionary<X12Segment, (int Depth, string Path, string? LoopName, X12SegmentSchema? Schema)>(ReferenceEqualityComparer.Instance);
        foreach (var interchange in document.Interchanges)
        {
            foreach (var group in interchange.Groups)
            {
                foreach (var transaction in group.Transactions)
                    Place(transaction.Root, EnvelopeDepth, "", placed);

                Put(placed, group.Header, 1);
                if (group.Trailer is { } ge)
                    Put(placed, ge, 1);
            }

            Put(placed, interchange.Header, 0);
            if (interchange.Trailer is { } iea)
                Put(placed, iea, 0);
        }

        var rows = new List<X12RowView>(document.Segments.Count);
        foreach (var segment in document.Segments)
        {
            var (depth, path, loopName, schema) = placed.TryGetValue(segment, out var at) ? at : (0, "", null, null);
            schema ??= FindSchema(segment.Id);
            rows.Add(new X12RowView(segment.Ordinal, depth, path, names.Loop(loopName), segment.Id, names.Segment(schema?.Name),
                Elements(segment, schema)));
        }

        return rows;
    }

    private static void Place(X12Loop loop, int depth, string parentPath, Dictionary<X12Segment, (int, string, string?, X12SegmentSchema?)> placed)
    {
        var path = loop.Id == "ST" ? "" : parentPath.Length == 0 ? loop.Id : parentPath + "/" + loop.Id;
        foreach (var child in loop.Children)
        {
            switch (child)
            {
                case X12ParsedSegment parsed:
                    placed.TryAdd(parsed.Segment, (depth, path, loop.Id == "ST" ? null : loop.Name, parsed.Rule?.Segment));
                    break;
                case X12Loop inner:
                    Place(inner, depth + 1, path, placed);
                    break;
            }
        }
    }

    private static void Put(Dictionary<X12Segment, (int, string, string?, X12SegmentSchema?)> placed, X12Segment segment, int depth) =>
        placed.TryAdd(segment, (depth, "", null, null));

    private X12SegmentSchema? FindSchema(string id)
    {
        foreach (var schema in parser.Registry.Schemas)
        {
            if (schema.Segments.TryGetValue(id, out var segment))
                return segment;
        }

        return null;
    }

    private List<X12ElementView> Elements(X12Segment segment, X12SegmentSchema? schema)
    {
        var elements = new List<X12ElementView>(segment.ElementCount);
        var isa = segment.Id == "ISA";
        var delimiters = segment.Delimiters;
        for (var position = 1; position <= segment.ElementCount; position++)
        {
            var raw = segment[position];
            IReadOnlyList<IReadOnlyList<string>> repetitions = isa || raw.Length == 0
                ? [[raw]]
                : Split(raw, delimiters.HasRepetition ? delimiters.Repetition : '\0').Select(r => (IReadOnlyList<string>)Split(r, delimiters.Component)).ToList();
            var name = names.Element(schema?.Element(position)?.Name);
            elements.Add(new X12ElementView(position, $"{segment.Id}{position:00}", name, repetitions));
        }

        return elements;
    }

    private static string[] Split(string value, char separator) => separator == '\0' ? [value] : value.Split(separator);

    private X12MessageView Flat(string text, X12Document? document)
    {
        var rows = new List<X12RowView>();
        var delimiters = document?.Delimiters ?? GuessDelimiters(text);
        if (document is { Segments.Count: > 0 })
        {
            foreach (var segment in document.Segments)
                rows.Add(new X12RowView(segment.Ordinal, 0, "", null, segment.Id, null, Elements(segment, null)));
        }
        else
        {
            var ordinal = 0;
            foreach (var piece in text.Split(delimiters.Segment))
            {
                var trimmed = piece.Trim();
                if (trimmed.Length == 0)
                    continue;
                var parts = trimmed.Split(delimiters.Element);
                var segment = new X12Segment(parts, delimiters, ++ordinal);
                rows.Add(new X12RowView(ordinal, 0, "", null, segment.Id, null, Elements(segment, null)));
            }
        }

        return new X12MessageView(rows, false, delimiters.Element, delimiters.Component, delimiters.Repetition);
    }

    private static X12Delimiters GuessDelimiters(string text)
    {
        var start = text.IndexOf("ISA", StringComparison.Ordinal);
        if (start >= 0 && text.Length >= start + 106)
        {
            var element = text[start + 3];
            var repetition = text[start + 82];
            var component = text[start + 104];
            var segment = text[start + 105];
            var guessed = new X12Delimiters(element, repetition, component, segment);
            if (guessed.AreDistinct)
                return guessed;
        }

        return X12Delimiters.Default;
    }
}
