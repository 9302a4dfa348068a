namespace DentalClaimsHub.X12;

/// <summary>
/// One finding about an X12 input, shared by the reader, the envelope validator, the parser and the validator.
/// </summary>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Code">A stable machine-readable code (for example <c>TA1-001</c> or <c>READ-NO-ISA</c>).</param>
/// <param name="Message">A plain-English explanation for people.</param>
/// <param name="SegmentOrdinal">1-based position of the segment in the file, when known.</param>
/// <param name="SegmentId">Segment identifier, when known.</param>
/// <param name="LoopId">Loop identifier (for example <c>2300</c>), when known.</param>
/// <param name="ElementPosition">1-based element position, when the finding concerns one element.</param>
/// <param name="ComponentPosition">1-based component position, when the finding concerns one component.</param>
/// <param name="ByteOffset">Byte offset in the input, when known.</param>
public sealed record X12Issue(
    X12IssueSeverity Severity,
    string Code,
    string Message,
    int? SegmentOrdinal = null,
    string? SegmentId = null,
    string? LoopId = null,
    int? ElementPosition = null,
    int? ComponentPosition = null,
    long? ByteOffset = null)
{
    /// <summary>A one-line rendering for logs and consoles.</summary>
    public override string ToString()
    {
        var where = SegmentOrdinal is { } n ? $"segment {n}" : ByteOffset is { } b ? $"byte {b}" : "input";
        var id = SegmentId is null ? "" : $" {SegmentId}";
        var pos = ElementPosition is { } e ? (ComponentPosition is { } c ? $"{e:00}-{c}" : $"{e:00}") : "";
        var loop = LoopId is null ? "" : $" loop {LoopId}";
        return $"{Severity} {Code} at {where}{loop}{id}{pos}: {Message}";
    }
}
