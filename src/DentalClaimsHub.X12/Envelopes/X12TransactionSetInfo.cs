namespace DentalClaimsHub.X12.Envelopes;

/// <summary>One transaction set (ST … SE) found by the envelope validator.</summary>
public sealed class X12TransactionSetInfo
{
    internal X12TransactionSetInfo(X12Segment header)
    {
        Header = header.Detached();
        StartOrdinal = header.Ordinal;
    }

    /// <summary>The ST segment.</summary>
    public X12Segment Header { get; }

    /// <summary>ST01, the transaction set identifier (for example <c>837</c>).</summary>
    public string TransactionSetId => Header[1];

    /// <summary>ST02, the transaction set control number.</summary>
    public string ControlNumber => Header[2];

    /// <summary>ST03, the implementation convention reference (for example <c>005010X224A2</c>); empty when absent.</summary>
    public string ImplementationReference => Header[3];

    /// <summary>Ordinal of the ST segment.</summary>
    public int StartOrdinal { get; }

    /// <summary>Ordinal of the SE segment; null when the trailer is missing.</summary>
    public int? EndOrdinal { get; internal set; }

    /// <summary>Number of segments actually found, ST and SE included.</summary>
    public int SegmentCount { get; internal set; }

    /// <summary>Issues that concern this transaction set.</summary>
    public List<X12Issue> Issues { get; } = [];

    /// <summary>True when an error concerns this transaction set.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == X12IssueSeverity.Error);
}
