namespace DentalClaimsHub.X12.Reading;

/// <summary>
/// Low-level streaming X12 tokenizer: finds segments and element boundaries in a reusable byte buffer and exposes
/// them as spans, without allocating per segment or per element. Memory stays bounded by
/// <see cref="X12ReaderOptions.MaxSegmentLength"/> whatever the input size.
/// </summary>
/// <remarks>
/// Delimiters are read from every ISA (a file may hold several interchanges with different delimiters).
/// Whitespace (space, tab, CR, LF) after a terminator is skipped unless it is itself a delimiter.
/// Bad input never throws: it is reported through <see cref="Issues"/>.
/// </remarks>
public sealed partial class X12Tokenizer : IDisposable
{
    private readonly Stream _stream;
    private readonly X12ReaderOptions _options;
    private readonly List<X12Issue> _issues = [];
    private int[] _bounds = new int[64];
    private byte _element;
    private byte _segment;
    private bool _isaSeen;
    private bool _finished;

    /// <summary>Creates a tokenizer over <paramref name="stream"/>.</summary>
    public X12Tokenizer(Stream stream, X12ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? new X12ReaderOptions();
        // A stream that knows its length (a message in memory) gets a buffer no larger than it: a 271 needs 2 KB, not 64.
        var remaining = stream.CanSeek ? stream.Length - stream.Position + 1 : long.MaxValue;
        _buffer = new byte[(int)Math.Clamp(remaining, 1024, Math.Max(1024, _options.BufferSize))];
    }

    /// <summary>Delimiters of the current interchange; null until the first ISA is read.</summary>
    public X12Delimiters? Delimiters { get; private set; }

    /// <summary>What could not be read.</summary>
    public IReadOnlyList<X12Issue> Issues => _issues;

    /// <summary>1-based ordinal of the current segment.</summary>
    public int SegmentOrdinal { get; private set; }

    /// <summary>Byte offset (from the start of the stream) of the first byte of the current segment.</summary>
    public long SegmentOffset { get; private set; }

    /// <summary>Current size of the read buffer in bytes (diagnostics): it only grows for segments longer than the buffer.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>Number of elements of the current segment, the identifier included.</summary>
    public int ElementCount { get; private set; }

    /// <summary>Bytes of the current segment, without its terminator.</summary>
    public ReadOnlySpan<byte> SegmentBytes => _buffer.AsSpan(_segStart, _segEnd - _segStart);

    /// <summary>Bytes of element <paramref name="index"/> of the current segment (0 = identifier); empty when absent.</summary>
    public ReadOnlySpan<byte> GetElement(int index)
    {
        if ((uint)index >= (uint)ElementCount)
        {
            return default;
        }

        var start = _bounds[index];
        var end = index + 1 < ElementCount ? _bounds[index + 1] - 1 : _segEnd;
        return _buffer.AsSpan(start, end - start);
    }

    /// <summary>Advances to the next segment; false at the end of the input.</summary>
    public bool Next()
    {
        while (!_finished)
        {
            SkipWhitespace();
            if (!Ensure(1))
            {
                Finish();
                return false;
            }

            if (_buffer[_pos] == (byte)'I' && StartsWithIsa())
            {
                if (TryReadIsa())
                {
                    return true;
                }

                continue;
            }

            if (!_isaSeen || _resync)
            {
                SkipToIsa();
                continue;
            }

            if (TryReadSegment())
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_options.LeaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void AddIssue(X12IssueSeverity severity, string code, string message, int? ordinal, long? offset) =>
        _issues.Add(new X12Issue(severity, code, message, SegmentOrdinal: ordinal, ByteOffset: offset));
}
