namespace DentalClaimsHub.X12;

/// <summary>
/// One X12 segment: its identifier and raw element texts, with its position in the input.
/// </summary>
/// <remarks>
/// Element texts are kept raw (component and repetition separators included) so that a segment written back
/// with the same delimiters reproduces the original bytes. Accessors split them on demand.
/// </remarks>
public sealed partial class X12Segment
{
    private static readonly string[] NoParts = [];

    /// <summary>Creates a segment from raw elements (index 0 = identifier).</summary>
    /// <param name="elements">Index 0 is the segment id, 1.. the raw element texts.</param>
    /// <param name="delimiters">Delimiters the raw texts are expressed in.</param>
    /// <param name="ordinal">1-based position in the input (0 when built in code).</param>
    /// <param name="byteOffset">Byte offset of the first byte of the id (-1 when built in code).</param>
    public X12Segment(string[] elements, X12Delimiters delimiters, int ordinal = 0, long byteOffset = -1)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Length == 0)
        {
            throw new ArgumentException("A segment needs at least its identifier.", nameof(elements));
        }

        _elements = elements;
        _id = elements[0];
        _count = elements.Length;
        Delimiters = delimiters;
        Ordinal = ordinal;
        ByteOffset = byteOffset;
    }

    /// <summary>Segment identifier, for example <c>CLM</c>.</summary>
    public string Id => _elements is { } elements ? elements[0] : _id;

    /// <summary>Number of data elements, without the identifier.</summary>
    public int ElementCount => (_elements?.Length ?? _count) - 1;

    /// <summary>Index 0 = id, 1.. = raw element text including component/repetition separators.</summary>
    /// <remarks>A segment read from input creates its element strings on the first call (and keeps them).</remarks>
    public string[] Elements => _elements ?? MaterializeElements();

    /// <summary>Delimiters in which <see cref="Elements"/> are expressed.</summary>
    public X12Delimiters Delimiters { get; }

    /// <summary>1-based position of the segment in the input; 0 when built in code.</summary>
    public int Ordinal { get; }

    /// <summary>Byte offset of the first byte of the identifier; -1 when built in code.</summary>
    public long ByteOffset { get; }

    /// <summary>Raw text of element <paramref name="element"/> (1-based); <c>""</c> when absent.</summary>
    /// <remarks>
    /// On a segment read from input, a short value comes from a shared cache; a longer one creates the segment's
    /// element strings once, so asking again returns the same string.
    /// </remarks>
    public string this[int element]
    {
        get
        {
            if (_elements is { } elements)
                return element >= 1 && element < elements.Length ? elements[element] : "";
            if (element < 1 || element >= _count)
                return "";

            var value = ElementSpan(element);
            return value.Length <= Text.X12ShortStrings.MaxLength ? Text.X12ShortStrings.Get(value) : Elements[element];
        }
    }

    /// <summary>Component <paramref name="component"/> (1-based) of the first repetition of an element; <c>""</c> when absent.</summary>
    public string this[int element, int component]
    {
        // Sliced from the element's text: splitting it into repetitions and components made two arrays for every read.
        get => Text.X12ShortStrings.Get(ComponentSpan(element, component));
    }

    /// <summary>The repetitions of an element (one item when it does not repeat; none when absent).</summary>
    public IReadOnlyList<string> Repetitions(int element)
    {
        var text = element >= 1 ? ElementSpan(element) : default;
        if (text.IsEmpty)
        {
            return NoParts;
        }

        // ISA11 holds the repetition separator itself and ISA16 the component separator: never split the ISA.
        if (!Delimiters.HasRepetition || IsIsa || !text.Contains(Delimiters.Repetition))
        {
            return [this[element]];
        }

        // Each repetition from the element's text (short codes from the shared cache), without the element's string or the
        // segment's other element strings.
        var parts = new string[text.Count(Delimiters.Repetition) + 1];
        for (var i = 0; i < parts.Length; i++)
        {
            var end = text.IndexOf(Delimiters.Repetition);
            parts[i] = Text.X12ShortStrings.Get(end < 0 ? text : text[..end]);
            text = end < 0 ? default : text[(end + 1)..];
        }

        return parts;
    }

    /// <summary>The components of the first repetition of an element (one item for a simple element; none when absent).</summary>
    public IReadOnlyList<string> Components(int element)
    {
        var reps = Repetitions(element);
        if (reps.Count == 0)
        {
            return NoParts;
        }

        return IsIsa ? [reps[0]] : reps[0].Split(Delimiters.Component);
    }

    /// <summary>Builds a segment in code, with <see cref="X12Delimiters.Default"/> as the component/repetition separators.</summary>
    public static X12Segment Create(string id, params string[] elements) => Create(X12Delimiters.Default, id, elements);

    /// <summary>Builds a segment in code whose raw element texts use <paramref name="delimiters"/>.</summary>
    public static X12Segment Create(X12Delimiters delimiters, string id, params string[] elements)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(elements);
        var all = new string[elements.Length + 1];
        all[0] = id;
        for (var i = 0; i < elements.Length; i++)
        {
            all[i + 1] = elements[i] ?? "";
        }

        return new X12Segment(all, delimiters);
    }

    private bool IsIsa => Id == "ISA";

    /// <summary>The segment rendered with its own delimiters, without terminator.</summary>
    public override string ToString() =>
        _elements is { } elements ? string.Join(Delimiters.Element, elements) : new string(_text!, _start, _length);
}
