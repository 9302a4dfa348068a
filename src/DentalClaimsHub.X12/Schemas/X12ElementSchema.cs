namespace DentalClaimsHub.X12.Schemas;

/// <summary>One simple data element, or a composite with <see cref="Components"/>, at a position in a segment.</summary>
public sealed record X12ElementSchema
{
    /// <summary>1-based position in the segment (or in the composite for a component).</summary>
    public required int Position { get; init; }

    /// <summary>Data element reference number (e.g. <c>98</c>, <c>C003</c>, <c>I12</c>), reported in IK402.</summary>
    public required string Ref { get; init; }

    /// <summary>Guide name of the element.</summary>
    public required string Name { get; init; }

    /// <summary>Data type: AN, ID, N0, N2, R, DT, TM, or <c>composite</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Minimum length (0 for composites).</summary>
    public int MinLength { get; init; }

    /// <summary>Maximum length (0 for composites).</summary>
    public int MaxLength { get; init; }

    /// <summary>Usage in this place of the guide.</summary>
    public X12Usage Usage { get; init; }

    /// <summary>Allowed code values; empty when the element is not coded or the list is not kept.</summary>
    public IReadOnlySet<string> Codes { get; init; } = EmptyCodes;

    /// <summary>True when <see cref="Codes"/> lists only the values that matter to us, so other values are warnings only.</summary>
    public bool CodesPartial { get; init; }

    /// <summary>Maximum repetitions (1 unless the element repeats).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Components of a composite; empty for a simple element.</summary>
    public IReadOnlyList<X12ElementSchema> Components { get; init; } = [];

    /// <summary>True when this element is a composite.</summary>
    public bool IsComposite => Components.Count > 0;

    private static readonly IReadOnlySet<string> EmptyCodes = new HashSet<string>();
}
