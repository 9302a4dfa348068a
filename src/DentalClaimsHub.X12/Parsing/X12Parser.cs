using System.Text;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Builds the loop tree interchange → group → transaction → loops → segments, guided by the schemas.
/// Never throws for bad input: what does not fit is kept and reported in <see cref="X12Document.Issues"/>.
/// </summary>
public sealed class X12Parser(X12SchemaRegistry registry)
{
    /// <summary>The schemas the parser picks from (by GS08/ST03 and ST01).</summary>
    public X12SchemaRegistry Registry { get; } = registry;

    /// <summary>Parses X12 text.</summary>
    public X12Document Parse(string text, X12ReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return Parse(stream, options);
    }

    /// <summary>Parses an X12 stream; the stream is read once, one segment at a time.</summary>
    public X12Document Parse(Stream stream, X12ReaderOptions? options = null)
    {
        var issues = new List<X12Issue>();
        var interchanges = new List<X12Interchange>();
        using var reader = X12Reader.OpenRetaining(stream, options);
        var segments = new X12SegmentStore();
        var state = new X12EnvelopeState(Registry, issues, interchanges, segments);
        while (reader.TryReadInto(segments, out var row, out var id))
            state.Add(row, id);

        state.Finish();
        var all = reader.Issues.Concat(issues).ToList();
        return new X12Document(interchanges, reader.Delimiters, all, segments);
    }
}
