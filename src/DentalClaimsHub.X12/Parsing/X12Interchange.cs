namespace DentalClaimsHub.X12.Parsing;

/// <summary>An interchange (ISA … IEA): functional groups and interchange-level TA1 segments.</summary>
public sealed class X12Interchange(X12Segment header)
{
    private readonly List<X12FunctionalGroup> _groups = [];
    private readonly List<X12Segment> _acknowledgments = [];

    /// <summary>The ISA segment.</summary>
    public X12Segment Header { get; } = header;

    /// <summary>The IEA segment; null when missing.</summary>
    public X12Segment? Trailer { get; internal set; }

    /// <summary>Functional groups in order.</summary>
    public IReadOnlyList<X12FunctionalGroup> Groups => _groups;

    /// <summary>TA1 segments carried directly in the interchange.</summary>
    public IReadOnlyList<X12Segment> Acknowledgments => _acknowledgments;

    /// <summary>ISA13 interchange control number.</summary>
    public string ControlNumber => Header[13];

    internal void Add(X12FunctionalGroup group) => _groups.Add(group);

    internal void AddAcknowledgment(X12Segment ta1) => _acknowledgments.Add(ta1);
}
