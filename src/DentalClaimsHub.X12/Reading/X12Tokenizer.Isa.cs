namespace DentalClaimsHub.X12.Reading;

public sealed partial class X12Tokenizer
{
    private const int IsaFixedLength = 106;
    private const int IsaScanLimit = 512;
    private readonly int[] _isaSeparators = new int[16];
    private bool _resync;
    private bool _garbageReported;
    private bool _sawContent;

    private bool StartsWithIsa()
    {
        Ensure(4);
        var available = _len - _pos;
        return available >= 3 && _buffer[_pos] == (byte)'I' && _buffer[_pos + 1] == (byte)'S' && _buffer[_pos + 2] == (byte)'A'
            && (available < 4 || !IsAlphanumeric(_buffer[_pos + 3]));
    }

    /// <summary>Reads the ISA at the current position and takes its delimiters; false (with an issue) when it is truncated.</summary>
    private bool TryReadIsa()
    {
        _sawContent = true;
        Ensure(IsaScanLimit);
        var limit = Math.Min(_len, _pos + IsaScanLimit);
        var count = 0;
        if (_pos + 3 < limit)
        {
            var separator = _buffer[_pos + 3];
            for (var i = _pos + 3; i < limit && count < 16; i++)
            {
                if (_buffer[i] == separator)
                {
                    _isaSeparators[count++] = i;
                }
            }
        }

        if (count < 16 || _isaSeparators[15] + 2 >= limit)
        {
            SegmentOrdinal++;
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.TruncatedIsa,
                "The ISA segment is truncated: it must hold 16 elements followed by the segment terminator (106 characters).",
                SegmentOrdinal, _bufferOffset + _pos);
            _pos += 3;
            _resync = true;
            return false;
        }

        var last = _isaSeparators[15];
        TakeDelimiters(last);
        SetSegment(_pos, last + 2);
        _pos = last + 3;
        _isaSeen = true;
        _resync = false;
        return true;
    }

    private void TakeDelimiters(int lastSeparator)
    {
        var offset = _bufferOffset + _pos;
        var element = _buffer[_pos + 3];
        var component = _buffer[lastSeparator + 1];
        var terminator = _buffer[lastSeparator + 2];
        var isa11Start = _isaSeparators[10] + 1;
        var isa11 = _buffer.AsSpan(isa11Start, _isaSeparators[11] - isa11Start);
        var repetition = isa11.Length == 1 && !IsAlphanumeric(isa11[0]) && isa11[0] != (byte)' ' ? (char)isa11[0] : '\0';
        var delimiters = new X12Delimiters((char)element, repetition, (char)component, (char)terminator);

        if (lastSeparator + 3 - _pos != IsaFixedLength)
        {
            AddIssue(X12IssueSeverity.Warning, X12ReadCodes.IsaNotFixedWidth,
                $"The ISA segment is {lastSeparator + 3 - _pos} characters long instead of 106; "
                + "delimiters were found by counting elements.",
                SegmentOrdinal + 1, offset);
        }

        if (!delimiters.AreDistinct || IsAlphanumeric(element) || IsAlphanumeric(component) || IsAlphanumeric(terminator))
        {
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.InvalidDelimiters,
                "The ISA declares delimiters that are letters/digits or not distinct from each other.", SegmentOrdinal + 1, offset);
        }

        Delimiters = delimiters;
        _element = element;
        _segment = terminator;
    }

    /// <summary>Skips bytes up to the next "ISA" (before the first interchange, or after a truncated ISA).</summary>
    private void SkipToIsa()
    {
        _sawContent = true;
        if (!_garbageReported && !_resync)
        {
            _garbageReported = true;
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.LeadingGarbage,
                "The input does not start with an ISA segment; bytes before the first ISA were ignored.", null, _bufferOffset + _pos);
        }

        while (true)
        {
            var from = Math.Min(_pos + 1, _len);
            var found = _buffer.AsSpan(from, _len - from).IndexOf("ISA"u8);
            if (found >= 0)
            {
                _pos = from + found;
                return;
            }

            _pos = Math.Max(from, _len - 2);
            if (!Fill())
            {
                _pos = _len;
                return;
            }
        }
    }

    private void Finish()
    {
        _finished = true;
        if (_isaSeen)
        {
            return;
        }

        if (!_sawContent)
        {
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.EmptyInput, "The input is empty.", null, 0);
        }
        else if (!_resync)
        {
            // "No ISA at all" says everything the leading-garbage note said.
            _issues.RemoveAll(i => i.Code == X12ReadCodes.LeadingGarbage);
            AddIssue(X12IssueSeverity.Error, X12ReadCodes.NoIsa,
                "No ISA segment was found: the input is not an X12 interchange.", null, null);
        }
    }
}
