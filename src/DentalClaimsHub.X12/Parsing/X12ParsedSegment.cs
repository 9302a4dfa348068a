using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>A segment placed in the loop tree, with the schema rule it matched (null when unexpected).</summary>
public sealed class X12ParsedSegment(X12Segment segment, X12SegmentRule? rule) : X12Node
{
    /// <summary>The segment as read.</summary>
    public X12Segment Segment { get; } = segment;

    /// <summary>The guide position this segment matched; null for an unexpected or unknown segment.</summary>
    public X12SegmentRule? Rule { get; } = rule;

    /// <summary>Segment id, e.g. <c>CLM</c>.</summary>
    public string Id => Segment.Id;

    /// <inheritdoc />
    public override string ToString() => string.Join('*', Segment.Elements);
}
