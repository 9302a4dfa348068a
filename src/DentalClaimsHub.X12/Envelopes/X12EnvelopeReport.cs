namespace DentalClaimsHub.X12.Envelopes;

/// <summary>The result of SNIP level 1 (envelope and basic syntax) validation.</summary>
public sealed class X12EnvelopeReport
{
    internal X12EnvelopeReport(List<X12InterchangeInfo> interchanges, List<X12Issue> issues, int segmentCount, bool readable)
    {
        Interchanges = interchanges;
        Issues = issues;
        SegmentCount = segmentCount;
        IsReadable = readable;
    }

    /// <summary>The envelope structure found: interchanges, their groups and transaction sets.</summary>
    public IReadOnlyList<X12InterchangeInfo> Interchanges { get; }

    /// <summary>Every issue, reader issues included, in input order.</summary>
    public IReadOnlyList<X12Issue> Issues { get; }

    /// <summary>Number of segments read.</summary>
    public int SegmentCount { get; }

    /// <summary>False when no interchange could be read at all (empty input, no ISA, truncated ISA).</summary>
    public bool IsReadable { get; }

    /// <summary>True when the input is readable and no issue is an error.</summary>
    public bool IsValid => IsReadable && !Issues.Any(i => i.Severity == X12IssueSeverity.Error);

    /// <summary>Every transaction set of every interchange, in order.</summary>
    public IEnumerable<X12TransactionSetInfo> TransactionSets =>
        Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.TransactionSets);
}
