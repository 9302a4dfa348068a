namespace DentalClaimsHub.X12.Reading;

public sealed partial class X12Tokenizer
{
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
}
