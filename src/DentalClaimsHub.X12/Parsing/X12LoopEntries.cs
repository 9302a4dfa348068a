using System.Runtime.InteropServices;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// The children of every loop of one parse, packed into large shared chunks of <see cref="X12Entry"/>: a loop's
/// children are copied in, contiguous, when the loop is complete. The chunks hold no references and, once a parse is
/// large, are larger than the large object heap threshold, so the garbage collector neither scans nor copies them while
/// a parse grows; the only objects of a tree are its loops. Segment wrappers (<see cref="X12ParsedSegment"/>) are
/// created on first use.
/// </summary>
/// <remarks>
/// The first chunk and the first page of loops start small and double: most parses are a single 271, 277 or 999 of a
/// few dozen segments, and large-object pages for each of them made the garbage collector the main cost of a check.
/// </remarks>
internal sealed class X12LoopEntries(X12SegmentStore segments)
{
    private const int ChunkSize = 16 * 1024;
    private const int FirstSize = 64;
    private const int PageShift = 8;
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
        var offset = index & (ChunkSize - 1);
        if (offset == 0)
            _loops.Add(new X12Loop[index == 0 ? FirstSize : ChunkSize]);
        else if (offset == _loops[^1].Length)
            _loops[^1] = GrowFirstPage(_loops[^1]);
        _loops[^1][offset] = loop;
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
            var size = _chunk.Length == 0 ? FirstSize : Math.Min(ChunkSize, _chunk.Length * 2);
            _chunk = new X12Entry[Math.Max(size, span.Length)];
            _used = 0;
        }

        span.CopyTo(_chunk.AsSpan(_used));
        loop.SetEntries(this, _chunk, _used, span.Length);
        _used += span.Length;
    }

    // Only the first page grows, while the one parsing thread adds loops; nothing reads it from another thread until then.
    private static X12Loop[] GrowFirstPage(X12Loop[] page)
    {
        var grown = new X12Loop[page.Length * 2];
        page.CopyTo(grown, 0);
        return grown;
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
