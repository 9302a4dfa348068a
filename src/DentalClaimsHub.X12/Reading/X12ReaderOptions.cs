namespace DentalClaimsHub.X12.Reading;

/// <summary>Tuning knobs for <see cref="X12Reader"/> and <see cref="X12Tokenizer"/>.</summary>
public sealed record X12ReaderOptions
{
    /// <summary>Initial read buffer size in bytes (default 64 KiB).</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    /// <summary>
    /// Longest segment accepted, in bytes (default 1 MiB). Longer segments are skipped with an issue,
    /// which keeps memory bounded whatever the input.
    /// </summary>
    public int MaxSegmentLength { get; init; } = 1024 * 1024;

    /// <summary>When true the stream is left open when the reader is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
