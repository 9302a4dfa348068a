namespace DentalClaimsHub.X12.Schemas;

/// <summary>Identifies a segment by an element value, e.g. <c>NM1*85</c> (element 1) or <c>HL03 = 22</c> (element 3).</summary>
public sealed record X12Qualifier(int Element, IReadOnlySet<string> Values)
{
    /// <summary>True when <paramref name="segment"/> carries one of the qualifying values.</summary>
    public bool Matches(X12Segment segment) => Values.Contains(segment[Element]);

    /// <inheritdoc />
    public override string ToString() => $"{Element:00}={string.Join('|', Values.Order(StringComparer.Ordinal))}";
}
