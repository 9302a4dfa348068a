namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>What a highlight marks: a 999 IK3/IK4/IK5 or a 277CA STC, on the acknowledgement itself or on the 837 it points at.</summary>
public enum X12HighlightKind
{
    SegmentError,
    ElementError,
    TransactionResult,
    ClaimStatus,
}

/// <summary>
/// One mark on a row: what pointed here (<paramref name="Kind"/>, the pointing segment's <paramref name="Source"/>, e.g.
/// <c>IK3</c>), the <paramref name="Code"/> it carries, the element (and component) it names if any, and the codes in words.
/// </summary>
public sealed record X12Highlight(X12HighlightKind Kind, string Source, string Code, int? Element, int? Component, string Explanation);

/// <summary>
/// One element of a segment: its position, schema name in the user's language (null when the schema does not know it) and
/// value split into repetitions of components.
/// </summary>
public sealed record X12ElementView(int Position, string Reference, string? Name, IReadOnlyList<IReadOnlyList<string>> Repetitions)
{
    /// <summary>The title shown on hover: <c>CLM02 Total claim charge amount</c>, or just the reference.</summary>
    public string Title => Name is null ? Reference : $"{Reference} {Name}";
}

/// <summary>
/// One segment as a row: 1-based position in the file, depth (ISA 0, GS 1, ST and the transaction header 2, loops below),
/// the loop path; loop and segment names from the schema in the user's language.
/// </summary>
public sealed record X12RowView(int Ordinal, int Depth, string LoopPath, string? LoopName, string SegmentId, string? SegmentName,
    IReadOnlyList<X12ElementView> Elements)
{
    private readonly List<X12Highlight> _highlights = [];

    public IReadOnlyList<X12Highlight> Highlights => _highlights;

    internal void Mark(X12Highlight highlight)
    {
        if (!_highlights.Contains(highlight))
            _highlights.Add(highlight);
    }
}

/// <summary>
/// A stored X12 message as rows. <see cref="Structured"/> is false when the file could not be parsed into loops: the rows
/// are then one per segment at depth 0 and the viewer says so.
/// </summary>
public sealed record X12MessageView(IReadOnlyList<X12RowView> Rows, bool Structured, char ElementSeparator, char ComponentSeparator, char RepetitionSeparator)
{
    public bool HasHighlights => Rows.Any(r => r.Highlights.Count > 0);
}
