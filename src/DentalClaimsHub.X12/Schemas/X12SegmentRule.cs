namespace DentalClaimsHub.X12.Schemas;

/// <summary>A segment at one position of a loop: usage, maximum use and its effective element layout.</summary>
public sealed record X12SegmentRule : X12StructureNode
{
    /// <summary>Segment layout with this position's overrides (codes, usage) applied.</summary>
    public required X12SegmentSchema Segment { get; init; }

    /// <summary>Maximum number of times the segment may repeat here.</summary>
    public required int MaxUse { get; init; }

    /// <summary>Qualifier that identifies this use of the segment, if several share the id in one loop.</summary>
    public X12Qualifier? Qualifier { get; init; }

    /// <inheritdoc />
    public override string LeadingSegmentId => Segment.Id;

    /// <inheritdoc />
    public override X12Qualifier? LeadingQualifier => Qualifier;

    /// <inheritdoc />
    public override string ToString() => Qualifier is null ? Segment.Id : $"{Segment.Id}[{Qualifier}]";
}
