namespace DentalClaimsHub.X12.Parsing;

/// <summary>An entry in a parsed loop: a segment or a nested loop, in document order.</summary>
public abstract class X12Node
{
    /// <summary>The loop that holds this node; null for a transaction's root loop.</summary>
    public X12Loop? Parent { get; internal set; }
}
