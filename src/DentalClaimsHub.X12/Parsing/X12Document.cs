namespace DentalClaimsHub.X12.Parsing;

/// <summary>A parsed X12 file: interchanges, the delimiters read, and every finding of the reader and the parser.</summary>
public sealed class X12Document(
    IReadOnlyList<X12Interchange> interchanges, X12Delimiters? delimiters, IReadOnlyList<X12Issue> issues, IReadOnlyList<X12Segment> segments)
{
    /// <summary>Every segment read, in input order (the same instances the loop tree holds).</summary>
    public IReadOnlyList<X12Segment> Segments { get; } = segments;

    /// <summary>Interchanges in order.</summary>
    public IReadOnlyList<X12Interchange> Interchanges { get; } = interchanges;

    /// <summary>Delimiters of the last ISA read; null when no ISA was found.</summary>
    public X12Delimiters? Delimiters { get; } = delimiters;

    /// <summary>Reader and parser findings (structure only; run the validator for SNIP 2/3).</summary>
    public IReadOnlyList<X12Issue> Issues { get; } = issues;

    /// <summary>Every transaction set in the file.</summary>
    public IEnumerable<X12Transaction> Transactions =>
        Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.Transactions);
}
