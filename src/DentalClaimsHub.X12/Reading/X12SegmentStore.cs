using System.Collections;

namespace DentalClaimsHub.X12.Reading;

/// <summary>
/// Every segment of a parsed file kept as a compact row (where its text lies in a shared character block, its element
/// count, ordinal and byte offset) instead of an object each; the <see cref="X12Segment"/> of a row is created the first
/// time it is asked for, then kept, so every caller gets the same instance.
/// </summary>
/// <remarks>
/// A parse keeps its whole tree alive: with .NET's default (concurrent) GC every object in it is marked and copied as it
/// is promoted, so rows in reference-free pages instead of one object per segment make a large parse several times
/// cheaper to keep. Rows are added by one thread (the parser); creating segments afterwards is safe from any thread.
/// </remarks>
internal sealed class X12SegmentStore : IReadOnlyList<X12Segment>
{
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;
    private const int Materialized = -1;

    private Row[][] _rows = [];
    private X12Segment?[]?[] _segments = [];
    private readonly List<char[]> _blocks = [];
    private readonly List<X12Delimiters> _delimiters = [];

    public int Count { get; private set; }

    public X12Segment this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Get(index);
        }
    }

    /// <summary>Adds a segment whose text is <c>block[start..start+length]</c>; returns its index.</summary>
    public int Add(char[] block, int start, int length, int elementCount, X12Delimiters delimiters, int ordinal, long byteOffset)
    {
        if (_blocks.Count == 0 || !ReferenceEquals(_blocks[^1], block))
            _blocks.Add(block);
        if (_delimiters.Count == 0 || _delimiters[^1] != delimiters)
            _delimiters.Add(delimiters);

        return Append(new Row
        {
            Block = _blocks.Count - 1,
            Start = start,
            Length = length,
            ElementCount = elementCount,
            Delimiters = _delimiters.Count - 1,
            Ordinal = ordinal,
            ByteOffset = byteOffset,
        });
    }

    /// <summary>Adds a segment that already exists as an object (the ISA, a segment with non-ASCII text); returns its index.</summary>
    public int Add(X12Segment segment)
    {
        var index = Append(new Row { Block = Materialized });
        SlotPage(index >> PageShift)[index & (PageSize - 1)] = segment;
        return index;
    }

    /// <summary>The segment at <paramref name="index"/>, created on first use.</summary>
    public X12Segment Get(int index)
    {
        var page = SlotPage(index >> PageShift);
        ref var slot = ref page[index & (PageSize - 1)];
        if (Volatile.Read(ref slot) is { } existing)
            return existing;

        ref readonly var row = ref RowAt(index);
        var text = _blocks[row.Block];
        var id = Text.X12ShortStrings.Get(IdSpan(text, row));
        var created = new X12Segment(id, text, row.Start, row.Length, row.ElementCount, _delimiters[row.Delimiters], row.Ordinal, row.ByteOffset);
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }

    /// <summary>True when the segment at <paramref name="index"/> has the identifier <paramref name="id"/>, without creating it.</summary>
    public bool IdEquals(int index, string id)
    {
        ref readonly var row = ref RowAt(index);
        return row.Block == Materialized
            ? Get(index).Id == id
            : IdSpan(_blocks[row.Block], row).SequenceEqual(id);
    }

    /// <summary>Raw text of element <paramref name="element"/> (0 = identifier) of a segment, without creating it; empty when absent.</summary>
    public ReadOnlySpan<char> ElementSpan(int index, int element)
    {
        ref readonly var row = ref RowAt(index);
        if (row.Block == Materialized)
            return Get(index).ElementSpan(element);
        if ((uint)element >= (uint)row.ElementCount)
            return default;

        var separator = _delimiters[row.Delimiters].Element;
        var rest = new ReadOnlySpan<char>(_blocks[row.Block], row.Start, row.Length);
        for (var i = 0; i < element; i++)
            rest = rest[(rest.IndexOf(separator) + 1)..];
        var end = rest.IndexOf(separator);
        return end < 0 ? rest : rest[..end];
    }

    public IEnumerator<X12Segment> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return Get(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ReadOnlySpan<char> IdSpan(char[] text, in Row row)
    {
        var span = new ReadOnlySpan<char>(text, row.Start, row.Length);
        var end = row.ElementCount > 1 ? span.IndexOf(_delimiters[row.Delimiters].Element) : -1;
        return end >= 0 ? span[..end] : span;
    }

    private ref readonly Row RowAt(int index) => ref _rows[index >> PageShift][index & (PageSize - 1)];

    private int Append(in Row row)
    {
        var index = Count;
        var page = index >> PageShift;
        if (page == _rows.Length)
        {
            Array.Resize(ref _rows, Math.Max(4, _rows.Length * 2));
            Array.Resize(ref _segments, _rows.Length);
        }

        _rows[page] ??= new Row[PageSize];
        _rows[page][index & (PageSize - 1)] = row;
        Count = index + 1;
        return index;
    }

    // Slot pages are created when a segment of the page is first asked for: a parse that is only walked by the schema
    // layer's span APIs never creates them.
    private X12Segment?[] SlotPage(int page) =>
        Volatile.Read(ref _segments[page]) ?? Interlocked.CompareExchange(ref _segments[page], new X12Segment?[PageSize], null)
        ?? _segments[page]!;

    private struct Row
    {
        public int Block;
        public int Start;
        public int Length;
        public int ElementCount;
        public int Delimiters;
        public int Ordinal;
        public long ByteOffset;
    }
}
