namespace DentalClaimsHub.X12.Validation;

/// <summary>Collects findings with a consistent shape and plain-English messages.</summary>
internal sealed class X12FindingSink
{
    private readonly List<X12Finding> _findings = [];

    public IReadOnlyList<X12Finding> Findings => _findings;

    public void Add(X12Finding finding) => _findings.Add(finding);

    public void Segment(X12Segment segment, string? loopId, string ik304, string reason, X12IssueSeverity severity = X12IssueSeverity.Error) =>
        _findings.Add(new X12Finding(new X12Issue(severity, Parsing.X12IssueCodes.Segment(ik304), Sentence(segment, reason),
            segment.Ordinal, segment.Id, loopId, null, null, segment.ByteOffset)));

    public void MissingSegment(X12Segment near, string segmentId, string? loopId, string ik304, string reason) =>
        _findings.Add(new X12Finding(new X12Issue(X12IssueSeverity.Error, Parsing.X12IssueCodes.Segment(ik304), Sentence(near, reason),
            near.Ordinal, segmentId, loopId, null, null, near.ByteOffset)));

    public void Element(X12Segment segment, string? loopId, string ik403, int position, int? component, string? elementRef, string? value,
        string reason, int? repetition = null, X12IssueSeverity severity = X12IssueSeverity.Error) =>
        _findings.Add(new X12Finding(
            new X12Issue(severity, Parsing.X12IssueCodes.Element(ik403), Sentence(segment, reason), segment.Ordinal, segment.Id, loopId,
                position, component, segment.ByteOffset),
            elementRef, value, repetition));

    public void Transaction(X12Segment segment, string ik502, string reason) =>
        _findings.Add(new X12Finding(new X12Issue(X12IssueSeverity.Error, Parsing.X12IssueCodes.Transaction(ik502), Sentence(segment, reason),
            segment.Ordinal, segment.Id, null, null, null, segment.ByteOffset)));

    public void Balancing(X12Segment segment, string? loopId, string rule, int position, string reason) =>
        _findings.Add(new X12Finding(
            new X12Issue(X12IssueSeverity.Error, Parsing.X12IssueCodes.Balancing(rule), Sentence(segment, reason), segment.Ordinal, segment.Id, loopId,
                position, null, segment.ByteOffset),
            // Every balanced total (CLM02, SVC03, CLP04, BPR02) is data element 782, Monetary Amount.
            "782", segment[position]));

    private static string Sentence(X12Segment segment, string reason) =>
        $"Segment {segment.Ordinal} ({segment.Id}): {char.ToUpperInvariant(reason[0])}{reason[1..]}.";
}
