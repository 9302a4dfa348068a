namespace DentalClaimsHub.X12.Schemas;

/// <summary>A segment's element layout as used in one place of a guide.</summary>
public sealed record X12SegmentSchema(string Id, string Name, IReadOnlyList<X12ElementSchema> Elements)
{
    /// <summary>The element at a 1-based position, or null beyond the defined elements.</summary>
    public X12ElementSchema? Element(int position) =>
        position >= 1 && position <= Elements.Count ? Elements[position - 1] : null;
}
