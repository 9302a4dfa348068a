namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// One child of a parsed loop in eight bytes and no reference: <see cref="Value"/> is the row of a segment in the
/// parse's segment store (0 or more) or the complement of a loop's index in <see cref="X12LoopEntries"/> (below 0);
/// <see cref="Rule"/> is the position of the matched rule among the loop schema's children, -1 for none.
/// </summary>
internal readonly record struct X12Entry(int Value, int Rule)
{
    /// <summary>True when the entry is a nested loop.</summary>
    public bool IsLoop => Value < 0;
}
