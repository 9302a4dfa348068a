namespace DentalClaimsHub.X12.Schemas;

/// <summary>An entry in a loop's ordered children: a segment rule or a nested loop.</summary>
public abstract record X12StructureNode
{
    /// <summary>Usage of the entry in its parent.</summary>
    public required X12Usage Usage { get; init; }

    /// <summary>Segment id that starts this entry (the segment itself, or the loop's leading segment).</summary>
    public abstract string LeadingSegmentId { get; }

    /// <summary>Qualifier that tells this entry apart from siblings with the same segment id; null when any value fits.</summary>
    public abstract X12Qualifier? LeadingQualifier { get; }

    /// <summary>True when <paramref name="segment"/> can start this entry.</summary>
    public bool Accepts(X12Segment segment) =>
        segment.Id == LeadingSegmentId && (LeadingQualifier is null || LeadingQualifier.Matches(segment));
}
