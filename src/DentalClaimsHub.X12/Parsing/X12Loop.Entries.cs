using System.Collections;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Storage of a loop's children: a slice of a chunk shared by the whole parse (see <see cref="X12LoopEntries"/>), each
/// entry a nested loop or a segment row with the rule it matched. Segments and their <see cref="X12ParsedSegment"/>
/// wrappers are created the first time they are asked for, then kept, so a parse creates neither.
/// </summary>
public sealed partial class X12Loop
{
    private X12LoopEntries? _pool;
    private X12Entry[] _entries = [];
    private int _start;
    private int _count;
    private ChildList? _children;

    /// <summary>A loop of a parse; its children arrive with <see cref="SetEntries"/> once it is complete.</summary>
    internal X12Loop(X12LoopSchema? schema, string id, string name, X12LoopEntries pool)
        : this(schema, id, name) => _pool = pool;

    /// <summary>Number of children (segments and loops).</summary>
    internal int Count => _count;

    internal void SetEntries(X12LoopEntries pool, X12Entry[] chunk, int start, int count)
    {
        _pool = pool;
        _entries = chunk;
        _start = start;
        _count = count;
    }

    /// <summary>The segment at <paramref name="index"/>, created on first use; null when the child is a loop.</summary>
    internal X12Segment? SegmentAt(int index)
    {
        var entry = _entries[_start + index];
        return entry.IsLoop ? null : _pool!.Segments.Get(entry.Value);
    }

    /// <summary>True when the child at <paramref name="index"/> is a segment with <paramref name="id"/>, without creating it.</summary>
    internal bool IsSegment(int index, string id)
    {
        var entry = _entries[_start + index];
        return !entry.IsLoop && _pool!.Segments.IdEquals(entry.Value, id);
    }

    /// <summary>
    /// Raw text of element <paramref name="element"/> (1-based) of the segment at <paramref name="index"/>, without
    /// creating it; empty when absent or when the child is a loop.
    /// </summary>
    internal ReadOnlySpan<char> ElementSpanAt(int index, int element)
    {
        var entry = _entries[_start + index];
        return entry.IsLoop || element < 1 ? default : _pool!.Segments.ElementSpan(entry.Value, element);
    }

    /// <summary>The rule matched by the segment at <paramref name="index"/>; null for an unexpected segment or a loop.</summary>
    internal X12SegmentRule? RuleAt(int index)
    {
        var entry = _entries[_start + index];
        return entry.IsLoop || entry.Rule < 0 ? null : (X12SegmentRule)Schema!.Children[entry.Rule];
    }

    /// <summary>The loop at <paramref name="index"/>; null when the child is a segment.</summary>
    internal X12Loop? LoopAt(int index)
    {
        var entry = _entries[_start + index];
        return entry.IsLoop ? _pool!.Loop(entry.Value) : null;
    }

    /// <summary>The child at <paramref name="index"/> as a node, creating a segment's wrapper on first use.</summary>
    internal X12Node NodeAt(int index)
    {
        var entry = _entries[_start + index];
        return entry.IsLoop ? _pool!.Loop(entry.Value) : _pool!.ParsedSegment(entry.Value, this, RuleAt(index));
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
