namespace DentalClaimsHub.X12.Schemas;

/// <summary>A loop: identifier, name, repeat, and ordered children; the first child is the leading segment.</summary>
public sealed record X12LoopSchema : X12StructureNode
{
    /// <summary>Loop identifier from the guide, e.g. <c>2300</c>; <c>ST</c> for the transaction set itself.</summary>
    public required string Id { get; init; }

    /// <summary>Guide name of the loop.</summary>
    public required string Name { get; init; }

    /// <summary>Maximum number of repeats of the loop.</summary>
    public required int Repeat { get; init; }

    /// <summary>Ordered segments and nested loops.</summary>
    public required IReadOnlyList<X12StructureNode> Children { get; init; }

    /// <summary>The rule of the leading segment.</summary>
    public X12SegmentRule Leading => (X12SegmentRule)Children[0];

    /// <inheritdoc />
    public override string LeadingSegmentId => Leading.Segment.Id;

    /// <inheritdoc />
    public override X12Qualifier? LeadingQualifier => Leading.Qualifier;

    /// <summary>Depth-first walk over this loop and every nested loop.</summary>
    public IEnumerable<X12LoopSchema> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children.OfType<X12LoopSchema>())
            foreach (var loop in child.DescendantsAndSelf())
                yield return loop;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
