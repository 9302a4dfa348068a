using System.Collections;
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

    /// <summary>Number of children (segments and loops).</summary>
    internal int Count => _count;

    /// <summary>The segment at <paramref name="index"/>; null when the child is a loop.</summary>
    internal X12Segment? SegmentAt(int index) => _entries[index].Item switch
    {
        X12Segment segment => segment,
        X12ParsedSegment parsed => parsed.Segment,
        _ => null,
    };

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
        var created = new X12ParsedSegment((X12Segment)item, entry.Rule) { Parent = this };
        return Interlocked.CompareExchange(ref entry.Item, created, item) is X12Node stored ? stored : created;
    }

    /// <summary>A loop whose first allocation makes room for <paramref name="capacity"/> children.</summary>
    internal X12Loop(X12LoopSchema? schema, string id, string name, int capacity)
        : this(schema, id, name) => _initialCapacity = Math.Max(1, capacity);

    internal void Add(X12Segment segment, X12SegmentRule? rule) => Append(new Entry { Item = segment, Rule = rule });

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

    // Item is the X12Loop, or the X12Segment until its X12ParsedSegment has been created, then that wrapper.
    private struct Entry
    {
        public object Item;
        public X12SegmentRule? Rule;
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
