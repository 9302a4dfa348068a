namespace DentalClaimsHub.X12.Reading;

public sealed partial class X12Tokenizer
{
    private byte[] _buffer;
    private int _pos;
    private int _len;
    private long _bufferOffset;
    private int _segStart;
    private int _segEnd;
    private bool _eof;

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;

    private static bool IsAlphanumeric(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z'
        or >= (byte)'a' and <= (byte)'z';

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false when the input ends first.</summary>
    private bool Ensure(int count)
    {
        while (_len - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves unread bytes to the front, grows the buffer when full, and reads more; false at end of input.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _len - _pos);
            _bufferOffset += _pos;
            _len -= _pos;
            _pos = 0;
        }

        if (_len == _buffer.Length)
        {
            var limit = Math.Max(_options.MaxSegmentLength + 1024, _buffer.Length);
            var size = (int)Math.Min((long)_buffer.Length * 2, limit);
            if (size == _buffer.Length)
            {
                return false;
            }

            Array.Resize(ref _buffer, size);
        }

        try
        {
            var read = _stream.Read(_buffer, _len, _buffer.Length - _len);
            if (read == 0)
            {
                _eof = true;
                return false;
            }

            _len += read;
            return true;
        }
        catch (IOException ex)
        {
            _eof = true;
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.IoError, $"The input could not be read: {ex.Message}", null,
                _bufferOffset + _len);
            return false;
        }
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            if (_bufferOffset == 0 && _pos == 0 && Ensure(3) && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _pos = 3; // UTF-8 byte order mark before the first ISA
            }

            while (_pos < _len && IsWhitespace(_buffer[_pos]))
            {
                _pos++;
            }

            if (_pos < _len || !Fill())
            {
                return;
            }
        }
    }

    private void SkipOverlongSegment()
    {
        SegmentOrdinal++;
        AddIssue(X12IssueSeverity.Error, X12ReadCodes.SegmentTooLong,
            $"A segment is longer than {_options.MaxSegmentLength} bytes and was skipped.", SegmentOrdinal, _bufferOffset + _pos);
        while (true)
        {
            var found = _buffer.AsSpan(_pos, _len - _pos).IndexOf(_segment);
            if (found >= 0)
            {
                _pos += found + 1;
                return;
            }

            _pos = _len;
            if (!Fill())
            {
                return;
            }
        }
    }
}
