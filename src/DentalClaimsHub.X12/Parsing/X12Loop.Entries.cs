using System.Collections;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Storage of a loop's children: one array of entries, each a nested loop or a segment with the rule it matched.
/// The <see cref="X12ParsedSegment"/> of an entry is created the first time it is asked for, then kept, so a parse
/// followed by validation creates no wrapper at all.
/// </summary>
public sealed partial class X12Loop
{
    private const int DefaultCapacity = 4;

    private Entry[] _entries = [];
    private int _count;
    private int _initialCapacity = DefaultCapacity;
    private ChildList? _children;
    private X12SegmentStore? _store;

    /// <summary>Number of children (segments and loops).</summary>
    internal int Count => _count;

    /// <summary>The segment at <paramref name="index"/>, created on first use; null when the child is a loop.</summary>
    internal X12Segment? SegmentAt(int index)
    {
        ref var entry = ref _entries[index];
        return entry.Item switch
        {
            null => _store!.Get(entry.Row),
            X12Segment segment => segment,
            X12ParsedSegment parsed => parsed.Segment,
            _ => null,
        };
    }

    /// <summary>True when the child at <paramref name="index"/> is a segment with <paramref name="id"/>, without creating it.</summary>
    internal bool IsSegment(int index, string id)
    {
        ref var entry = ref _entries[index];
        return entry.Item switch
        {
            null => _store!.IdEquals(entry.Row, id),
            X12Loop => false,
            _ => SegmentAt(index)!.Id == id,
        };
    }

    /// <summary>
    /// Raw text of element <paramref name="element"/> of the segment at <paramref name="index"/>, without creating it;
    /// empty for a loop.
    /// </summary>
    internal ReadOnlySpan<char> ElementSpanAt(int index, int element)
    {
        ref var entry = ref _entries[index];
        return entry.Item is null
            ? (element >= 1 ? _store!.ElementSpan(entry.Row, element) : default)
            : SegmentAt(index) is { } segment && element >= 1 ? segment.ElementSpan(element) : default;
    }

    /// <summary>The rule matched by the segment at <paramref name="index"/>; null for an unexpected segment or a loop.</summary>
    internal X12SegmentRule? RuleAt(int index) => _entries[index].Rule;

    /// <summary>The loop at <paramref name="index"/>; null when the child is a segment.</summary>
    internal X12Loop? LoopAt(int index) => _entries[index].Item as X12Loop;

    /// <summary>The child at <paramref name="index"/> as a node, creating a segment's wrapper on first use.</summary>
    internal X12Node NodeAt(int index)
    {
        ref var entry = ref _entries[index];
        var item = entry.Item;
        if (item is X12Node node)
            return node;

        // Another thread may create the wrapper at the same time: the first one stored wins.
        var created = new X12ParsedSegment(SegmentAt(index)!, entry.Rule) { Parent = this };
        return Interlocked.CompareExchange(ref entry.Item, created, item) is X12Node stored ? stored : created;
    }

    /// <summary>
    /// A loop of a parse whose segments are rows of <paramref name="store"/>, and whose first allocation makes room for
    /// <paramref name="capacity"/> children.
    /// </summary>
    internal X12Loop(X12LoopSchema? schema, string id, string name, int capacity, X12SegmentStore store)
        : this(schema, id, name)
    {
        _initialCapacity = Math.Max(1, capacity);
        _store = store;
    }

    internal void Add(X12Segment segment, X12SegmentRule? rule) => Append(new Entry { Item = segment, Rule = rule });

    /// <summary>Adds the segment at <paramref name="row"/> of the loop's store.</summary>
    internal void Add(int row, X12SegmentRule? rule) => Append(new Entry { Row = row, Rule = rule });

    internal void Add(X12Loop loop)
    {
        loop.Parent = this;
        Append(new Entry { Item = loop });
    }

    private void Append(Entry entry)
    {
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _entries.Length == 0 ? _initialCapacity : _entries.Length * 2);
        _entries[_count++] = entry;
    }

    // Item is the X12Loop; or, for a segment, null while it is only row Row of the store, the X12Segment when the loop
    // was given an object, then its X12ParsedSegment once that wrapper has been created.
    private struct Entry
    {
        public object? Item;
        public X12SegmentRule? Rule;
        public int Row;
    }

    /// <summary>The live, read-only view behind <see cref="Children"/>.</summary>
    private sealed class ChildList(X12Loop loop) : IReadOnlyList<X12Node>
    {
        public int Count => loop._count;

        public X12Node this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, loop._count);
                return loop.NodeAt(index);
            }
        }

        public IEnumerator<X12Node> GetEnumerator()
        {
            for (var i = 0; i < loop._count; i++)
                yield return loop.NodeAt(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
