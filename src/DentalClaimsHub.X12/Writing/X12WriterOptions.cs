namespace DentalClaimsHub.X12.Writing;

/// <summary>Options of <see cref="X12Writer"/>.</summary>
public sealed record X12WriterOptions
{
    /// <summary>When true a line break follows every segment terminator (easier to read; ignored by receivers).</summary>
    public bool LineBreakAfterSegment { get; init; }

    /// <summary>The line break written when <see cref="LineBreakAfterSegment"/> is set (default <c>"\n"</c>).</summary>
    public string NewLine { get; init; } = "\n";

    /// <summary>When true the stream is left open when the writer is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
