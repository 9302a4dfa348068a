namespace DentalClaimsHub.X12.Envelopes;

/// <summary>One functional group (GS … GE) found by the envelope validator.</summary>
public sealed class X12FunctionalGroupInfo
{
    internal X12FunctionalGroupInfo(X12Segment header)
    {
        Header = header.Detached();
        StartOrdinal = header.Ordinal;
    }

    /// <summary>The GS segment.</summary>
    public X12Segment Header { get; }

    /// <summary>GS01, the functional identifier code (for example <c>HC</c>).</summary>
    public string FunctionalId => Header[1];

    /// <summary>GS02, the application sender's code.</summary>
    public string SenderCode => Header[2];

    /// <summary>GS03, the application receiver's code.</summary>
    public string ReceiverCode => Header[3];

    /// <summary>GS06, the group control number.</summary>
    public string ControlNumber => Header[6];

    /// <summary>GS08, the version / release / industry identifier (for example <c>005010X224A2</c>).</summary>
    public string Version => Header[8];

    /// <summary>Ordinal of the GS segment.</summary>
    public int StartOrdinal { get; }

    /// <summary>Ordinal of the GE segment; null when the trailer is missing.</summary>
    public int? EndOrdinal { get; internal set; }

    /// <summary>Transaction sets of the group, in order.</summary>
    public List<X12TransactionSetInfo> TransactionSets { get; } = [];

    /// <summary>Issues that concern the group envelope itself (AK9).</summary>
    public List<X12Issue> Issues { get; } = [];

    /// <summary>True when an error concerns the group envelope or one of its transaction sets.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == X12IssueSeverity.Error) || TransactionSets.Any(t => t.HasErrors);
}
