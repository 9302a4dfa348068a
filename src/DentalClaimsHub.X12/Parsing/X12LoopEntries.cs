using System.Runtime.InteropServices;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// The children of every loop of one parse, packed into large shared chunks of <see cref="X12Entry"/>: a loop's
/// children are copied in, contiguous, when the loop is complete. The chunks hold no references and are larger than
/// the large object heap threshold, so the garbage collector neither scans nor copies them while a parse grows; the
/// only objects of a tree are its loops. Segment wrappers (<see cref="X12ParsedSegment"/>) are created on first use.
/// </summary>
internal sealed class X12LoopEntries(X12SegmentStore segments)
{
    private const int ChunkSize = 16 * 1024;
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;

    private readonly List<X12Loop[]> _loops = [];
    private int _loopCount;
    private readonly Lock _wrapperPages = new();
    private X12Entry[] _chunk = [];
    private int _used;
    private X12ParsedSegment?[]?[] _wrappers = [];

    /// <summary>The segments the entries point to.</summary>
    public X12SegmentStore Segments { get; } = segments;

    /// <summary>Registers a loop so that an entry can point to it; returns its entry value.</summary>
    public int Add(X12Loop loop)
    {
        // Pages of loops, like the chunks, are large objects: never copied, and no growing array to copy either.
        var index = _loopCount++;
        if ((index & (ChunkSize - 1)) == 0)
            _loops.Add(new X12Loop[ChunkSize]);
        _loops[^1][index & (ChunkSize - 1)] = loop;
        return ~index;
    }

    /// <summary>The loop an entry value below 0 points to.</summary>
    public X12Loop Loop(int value) => _loops[~value / ChunkSize][~value & (ChunkSize - 1)];

    /// <summary>Copies the children of a complete loop into a chunk and hands the loop its slice.</summary>
    public void Complete(X12Loop loop, List<X12Entry> children)
    {
        var span = CollectionsMarshal.AsSpan(children);
        if (span.Length > _chunk.Length - _used)
        {
            _chunk = new X12Entry[Math.Max(ChunkSize, span.Length)];
            _used = 0;
        }

        span.CopyTo(_chunk.AsSpan(_used));
        loop.SetEntries(this, _chunk, _used, span.Length);
        _used += span.Length;
    }

    /// <summary>The wrapper of the segment at <paramref name="row"/>, created on first use (the first one stored wins).</summary>
    public X12ParsedSegment ParsedSegment(int row, X12Loop parent, Schemas.X12SegmentRule? rule)
    {
        var page = WrapperPage(row >> PageShift);
        ref var slot = ref page[row & (PageSize - 1)];
        if (Volatile.Read(ref slot) is { } existing)
            return existing;

        var created = new X12ParsedSegment(Segments.Get(row), rule) { Parent = parent };
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }

    // Pages are created under a lock: growing the page table must not lose a page another thread has just added.
    private X12ParsedSegment?[] WrapperPage(int page)
    {
        var pages = Volatile.Read(ref _wrappers);
        if (page < pages.Length && Volatile.Read(ref pages[page]) is { } existing)
            return existing;

        lock (_wrapperPages)
        {
            pages = _wrappers;
            if (page >= pages.Length)
            {
                Array.Resize(ref pages, Math.Max(page + 1, (Segments.Count >> PageShift) + 1));
                Volatile.Write(ref _wrappers, pages);
            }

            if (pages[page] is not { } created)
            {
                created = new X12ParsedSegment?[PageSize];
                Volatile.Write(ref pages[page], created);
            }

            return created;
        }
    }
}
