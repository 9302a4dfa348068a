using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>One transaction set (ST … SE) parsed into a loop tree.</summary>
public sealed class X12Transaction(X12Segment header, X12TransactionSchema? schema, X12Loop root)
{
    /// <summary>The ST segment.</summary>
    public X12Segment Header { get; } = header;

    /// <summary>The SE segment; null when the trailer is missing.</summary>
    public X12Segment? Trailer { get; internal set; }

    /// <summary>The guide used to parse; null when no schema matched (the tree is then flat).</summary>
    public X12TransactionSchema? Schema { get; } = schema;

    /// <summary>The transaction set as a loop with id <c>ST</c>, holding ST and SE too.</summary>
    public X12Loop Root { get; } = root;

    /// <summary>ST01, e.g. <c>837</c>.</summary>
    public string TransactionSetId => Header[1];

    /// <summary>ST02.</summary>
    public string ControlNumber => Header[2];

    /// <summary>ST03 when present.</summary>
    public string ImplementationReference => Header[3];

    /// <summary>Loops with <paramref name="id"/> anywhere in the transaction: <c>tx.Loops("2300")</c>.</summary>
    public IEnumerable<X12Loop> Loops(string id) => Root.Loops(id);

    /// <summary>The first loop with <paramref name="id"/> in the transaction, or null.</summary>
    public X12Loop? FirstLoop(string id) => Root.FirstLoop(id);

    /// <summary>All segments, ST through SE, in document order.</summary>
    public IEnumerable<X12ParsedSegment> Segments => Root.AllSegments();

    /// <summary>1-based position of <paramref name="segment"/> in this transaction set (ST = 1), as reported in IK302.</summary>
    public int PositionOf(X12Segment segment) => segment.Ordinal - Header.Ordinal + 1;
}
