using System.Collections;
using System.Diagnostics;
using System.Numerics;

namespace DentalClaimsHub.X12.Reading;

/// <summary>
/// Every segment of a parsed file kept as a compact row (where its text lies in a shared character block, its ordinal
/// and byte offset: 24 bytes) instead of an object each; the <see cref="X12Segment"/> of a row is created the first
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
    // The first row page starts small and doubles up to a full page: a 271 of twenty segments should not cost a 96 KB page.
    private const int FirstPageSize = 64;
    // Segment slots hold references, so their pages stay small objects whatever the size; small pages keep a short parse cheap.
    private const int SlotShift = 8;
    private const int SlotPageSize = 1 << SlotShift;
    private const int FirstSlots = 16;
    private const int Materialized = -1;

    private Row[][] _rows = [];
    private X12Segment?[]?[] _segments = [];
    // A character block with the delimiters its segments use; one block appears twice when an ISA changes them.
    private readonly List<(char[] Text, X12Delimiters Delimiters)> _blocks = [];

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
        if (_blocks.Count == 0 || !ReferenceEquals(_blocks[^1].Text, block) || _blocks[^1].Delimiters != delimiters)
            _blocks.Add((block, delimiters));

        // The element count is not kept: it is the number of element separators plus one, counted again on creation.
        Debug.Assert(elementCount == block.AsSpan(start, length).Count(delimiters.Element) + 1, "element count");
        return Append(new Row { Block = _blocks.Count - 1, Start = start, Length = length, Ordinal = ordinal, ByteOffset = byteOffset });
    }

    /// <summary>Adds a segment that already exists as an object (the ISA, a segment with non-ASCII text); returns its index.</summary>
    public int Add(X12Segment segment)
    {
        var index = Append(new Row { Block = Materialized });
        SlotPage(index >> SlotShift)[index & (SlotPageSize - 1)] = segment;
        return index;
    }

    /// <summary>The segment at <paramref name="index"/>, created on first use.</summary>
    public X12Segment Get(int index)
    {
        var page = SlotPage(index >> SlotShift);
        ref var slot = ref page[index & (SlotPageSize - 1)];
        if (Volatile.Read(ref slot) is { } existing)
            return existing;

        ref readonly var row = ref RowAt(index);
        var (text, delimiters) = _blocks[row.Block];
        var span = new ReadOnlySpan<char>(text, row.Start, row.Length);
        var id = Text.X12ShortStrings.Get(IdSpan(row));
        var count = span.Count(delimiters.Element) + 1;
        var created = new X12Segment(id, text, row.Start, row.Length, count, delimiters, row.Ordinal, row.ByteOffset);
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }

    /// <summary>True when the segment at <paramref name="index"/> has the identifier <paramref name="id"/>, without creating it.</summary>
    public bool IdEquals(int index, string id)
    {
        ref readonly var row = ref RowAt(index);
        return row.Block == Materialized
            ? Get(index).Id == id
            : IdSpan(row).SequenceEqual(id);
    }

    /// <summary>Raw text of element <paramref name="element"/> (0 = identifier) of a segment, without creating it; empty when absent.</summary>
    public ReadOnlySpan<char> ElementSpan(int index, int element)
    {
        ref readonly var row = ref RowAt(index);
        if (row.Block == Materialized)
            return Get(index).ElementSpan(element);
        if (element < 0)
            return default;

        var (text, delimiters) = _blocks[row.Block];
        var separator = delimiters.Element;
        var rest = new ReadOnlySpan<char>(text, row.Start, row.Length);
        for (var i = 0; i < element; i++)
        {
            var next = rest.IndexOf(separator);
            if (next < 0)
                return default;
            rest = rest[(next + 1)..];
        }

        var end = rest.IndexOf(separator);
        return end < 0 ? rest : rest[..end];
    }

    public IEnumerator<X12Segment> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return Get(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ReadOnlySpan<char> IdSpan(in Row row)
    {
        var (text, delimiters) = _blocks[row.Block];
        var span = new ReadOnlySpan<char>(text, row.Start, row.Length);
        var end = span.IndexOf(delimiters.Element);
        return end >= 0 ? span[..end] : span;
    }

    private ref readonly Row RowAt(int index) => ref _rows[index >> PageShift][index & (PageSize - 1)];

    private int Append(in Row row)
    {
        var index = Count;
        var page = index >> PageShift;
        if (page == _rows.Length)
            Array.Resize(ref _rows, Math.Max(4, _rows.Length * 2));

        // The slot directory grows with the rows, one slot page at a time (sized with the row directory, a small message had
        // 64 entries for its one page).
        if (index >> SlotShift == _segments.Length)
            Array.Resize(ref _segments, Math.Max(1, _segments.Length * 2));

        var offset = index & (PageSize - 1);
        if (_rows[page] is not { } rows)
            rows = _rows[page] = new Row[page == 0 ? FirstPageSize : PageSize];
        else if (offset == rows.Length)
            Array.Resize(ref _rows[page], rows.Length * 2); // only the first page grows, by the one thread that adds rows

        if (page == 0 && _segments.Length > 0 && _segments[0] is { } slots && index == slots.Length && index < SlotPageSize)
            Array.Resize(ref _segments[0], slots.Length * 2);

        _rows[page][offset] = row;
        Count = index + 1;
        return index;
    }

    // Slot pages are created when a segment of the page is first asked for: a parse that is only walked by the schema
    // layer's span APIs never creates them.
    // The first page is sized to the rows there are, as the first row page is: a 271 of forty segments should not cost 256
    // slots. It grows with the rows (Append, on the one thread that adds them), so once the parse is done it never changes.
    private X12Segment?[] SlotPage(int page) =>
        Volatile.Read(ref _segments[page])
        ?? Interlocked.CompareExchange(ref _segments[page], new X12Segment?[page == 0 ? FirstSlotPageSize(Count) : SlotPageSize], null)
        ?? _segments[page]!;

    private static int FirstSlotPageSize(int rows) =>
        Math.Min(SlotPageSize, Math.Max(FirstSlots, (int)BitOperations.RoundUpToPowerOf2((uint)rows)));

    private struct Row
    {
        public int Block;
        public int Start;
        public int Length;
        public int Ordinal;
        public long ByteOffset;
    }
}
