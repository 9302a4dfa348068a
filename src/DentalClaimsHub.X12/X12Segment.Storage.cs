namespace DentalClaimsHub.X12;

/// <summary>
/// Compact storage of a segment read from input: its text is a slice of a character block shared with neighbouring
/// segments, and element strings are created only when asked for. Segments built in code keep a string array.
/// </summary>
public sealed partial class X12Segment
{
    private readonly string _id;
    private readonly char[]? _text;
    private readonly int _start;
    private readonly int _length;
    private readonly int _count;
    private string[]? _elements;

    /// <summary>A segment whose text (identifier and elements, without terminator) is <c>text[start..start+length]</c>.</summary>
    internal X12Segment(string id, char[] text, int start, int length, int count, X12Delimiters delimiters, int ordinal, long byteOffset)
    {
        _id = id;
        _text = text;
        _start = start;
        _length = length;
        _count = count;
        Delimiters = delimiters;
        Ordinal = ordinal;
        ByteOffset = byteOffset;
    }

    /// <summary>Raw text of element <paramref name="element"/> (0 = identifier) without allocating; empty when absent.</summary>
    internal ReadOnlySpan<char> ElementSpan(int element)
    {
        if (_elements is { } elements)
            return (uint)element < (uint)elements.Length ? elements[element] : default;
        if ((uint)element >= (uint)_count)
            return default;

        var cursor = new ElementCursor(this);
        for (var i = 0; i < element; i++)
            cursor.Skip();
        return cursor.Next();
    }

    /// <summary>Same as <c>this[element] == value</c>, without creating the element's string.</summary>
    internal bool ElementEquals(int element, string? value) =>
        value is not null && (element >= 1 ? ElementSpan(element).SequenceEqual(value) : value.Length == 0);

    /// <summary>Same as <c>this[element, component]</c>, without splitting the element into strings.</summary>
    internal ReadOnlySpan<char> ComponentSpan(int element, int component)
    {
        var text = element >= 1 ? ElementSpan(element) : default;
        if (text.IsEmpty || component < 1)
            return default;
        if (IsIsa)
            return component == 1 ? text : default;

        if (Delimiters.HasRepetition && text.IndexOf(Delimiters.Repetition) is var repetition and >= 0)
            text = text[..repetition];
        for (var i = 1; i < component; i++)
        {
            var separator = text.IndexOf(Delimiters.Component);
            if (separator < 0)
                return default;
            text = text[(separator + 1)..];
        }

        var end = text.IndexOf(Delimiters.Component);
        return end < 0 ? text : text[..end];
    }

    /// <summary>
    /// This segment with its own element strings: keeping it does not keep the input's shared text block alive. A streaming
    /// validator keeps every ST header for its report; each would otherwise hold on to 32 KB of text read long ago.
    /// </summary>
    internal X12Segment Detached() => _text is null ? this : new X12Segment(Elements, Delimiters, Ordinal, ByteOffset);

    private string[] MaterializeElements()
    {
        var elements = new string[_count];
        var cursor = new ElementCursor(this);
        elements[0] = _id;
        cursor.Skip();
        for (var i = 1; i < elements.Length; i++)
            elements[i] = Text.X12ShortStrings.Get(cursor.Next());
        return Interlocked.CompareExchange(ref _elements, elements, null) ?? elements;
    }

    /// <summary>Walks the elements of a segment front to back (identifier first) without allocating.</summary>
    internal ref struct ElementCursor
    {
        private readonly string[]? _elements;
        private readonly char _separator;
        private ReadOnlySpan<char> _rest;
        private int _index;

        public ElementCursor(X12Segment segment)
        {
            _elements = segment._elements;
            _separator = segment.Delimiters.Element;
            _rest = _elements is null ? new ReadOnlySpan<char>(segment._text, segment._start, segment._length) : default;
            _index = 0;
        }

        /// <summary>The next element's raw text; empty once past the last element.</summary>
        public ReadOnlySpan<char> Next()
        {
            var index = _index++;
            if (_elements is not null)
                return index < _elements.Length ? _elements[index] : default;

            var end = _rest.IndexOf(_separator);
            if (end < 0)
            {
                var last = _rest;
                _rest = default;
                return last;
            }

            var value = _rest[..end];
            _rest = _rest[(end + 1)..];
            return value;
        }

        /// <summary>Moves past one element.</summary>
        public void Skip() => Next();
    }
}
