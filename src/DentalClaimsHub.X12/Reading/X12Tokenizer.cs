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
        _buffer = new byte[Math.Max(1024, _options.BufferSize)];
    }

    /// <summary>Delimiters of the current interchange; null until the first ISA is read.</summary>
    public X12Delimiters? Delimiters { get; private set; }

    /// <summary>What could not be read.</summary>
    public IReadOnlyList<X12Issue> Issues => _issues;

    /// <summary>1-based ordinal of the current segment.</summary>
    public int SegmentOrdinal { get; private set; }

    /// <summary>Byte offset (from the start of the stream) of the first byte of the current segment.</summary>
    public long SegmentOffset { get; private set; }

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

    private bool TryReadSegment()
    {
        while (true)
        {
            // One pass finds the element separators and the terminator; bytes are compared one by one because
            // segments are short (tens of bytes), where vectorised searches do not pay for their setup.
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var element = _element;
            var terminator = _segment;
            var bounds = _bounds;
            var count = 1;
            bounds[0] = _pos;
            var i = 0;
            for (; i < span.Length; i++)
            {
                var b = span[i];
                if (b == terminator)
                {
                    break;
                }

                if (b == element)
                {
                    if (count == bounds.Length)
                    {
                        Array.Resize(ref _bounds, bounds.Length * 2);
                        bounds = _bounds;
                    }

                    bounds[count++] = _pos + i + 1;
                }
            }

            if (i < span.Length)
            {
                var end = _pos + i;
                var trimmedEnd = end;
                if (terminator == (byte)'\n' && trimmedEnd > _pos && _buffer[trimmedEnd - 1] == (byte)'\r')
                {
                    trimmedEnd--;
                }

                _segStart = _pos;
                _segEnd = trimmedEnd;
                ElementCount = count;
                SegmentOrdinal++;
                SegmentOffset = _bufferOffset + _pos;
                _pos = end + 1;
                return true;
            }

            if (_len - _pos > _options.MaxSegmentLength)
            {
                SkipOverlongSegment();
                return false;
            }

            if (!Fill())
            {
                return ReadUnterminatedTail();
            }
        }
    }

    private bool ReadUnterminatedTail()
    {
        var end = _len;
        while (end > _pos && IsWhitespace(_buffer[end - 1]))
        {
            end--;
        }

        if (end == _pos)
        {
            _pos = _len;
            return false;
        }

        SetSegment(_pos, end);
        _pos = _len;
        AddIssue(X12IssueSeverity.Error, X12ReadCodes.MissingTerminator,
            "The input ends inside a segment: the segment terminator is missing (the file may be truncated).",
            SegmentOrdinal, SegmentOffset);
        return true;
    }

    private void SetSegment(int start, int end)
    {
        _segStart = start;
        _segEnd = end;
        SegmentOrdinal++;
        SegmentOffset = _bufferOffset + start;
        var count = 1;
        _bounds[0] = start;
        var span = _buffer.AsSpan(start, end - start);
        var at = 0;
        int next;
        while ((next = span[at..].IndexOf(_element)) >= 0)
        {
            at += next + 1;
            if (count == _bounds.Length)
            {
                Array.Resize(ref _bounds, _bounds.Length * 2);
            }

            _bounds[count++] = start + at;
        }

        ElementCount = count;
    }

    private void AddIssue(X12IssueSeverity severity, string code, string message, int? ordinal, long? offset) =>
        _issues.Add(new X12Issue(severity, code, message, SegmentOrdinal: ordinal, ByteOffset: offset));
}
