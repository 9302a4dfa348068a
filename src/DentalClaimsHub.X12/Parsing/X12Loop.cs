using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>One occurrence of a loop, e.g. one 2300 claim, with its segments and nested loops in document order.</summary>
public sealed partial class X12Loop(X12LoopSchema? schema, string id, string name) : X12Node
{
    /// <summary>The loop's definition; null for the root of a transaction set without a schema.</summary>
    public X12LoopSchema? Schema { get; } = schema;

    /// <summary>Loop identifier, e.g. <c>2300</c>; <c>ST</c> for the transaction set.</summary>
    public string Id { get; } = id;

    /// <summary>Loop name from the guide.</summary>
    public string Name { get; } = name;

    /// <summary>Segments and loops in document order.</summary>
    public IReadOnlyList<X12Node> Children => _children ??= new ChildList(this);

    /// <summary>This loop's own segments (not those of nested loops), in order.</summary>
    public IEnumerable<X12ParsedSegment> OwnSegments
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (!_entries[_start + i].IsLoop)
                    yield return (X12ParsedSegment)NodeAt(i);
            }
        }
    }

    /// <summary>Nested loops directly under this one.</summary>
    public IEnumerable<X12Loop> ChildLoops
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (LoopAt(i) is { } loop)
                    yield return loop;
            }
        }
    }

    /// <summary>The first own segment with <paramref name="id"/>, or null: <c>loop.Segment("CLM")?[5, 3]</c>.</summary>
    public X12Segment? Segment(string id)
    {
        for (var i = 0; i < _count; i++)
        {
            if (IsSegment(i, id))
                return SegmentAt(i);
        }

        return null;
    }

    /// <summary>The first own segment with <paramref name="id"/> whose <paramref name="element"/> equals <paramref name="qualifier"/>.</summary>
    public X12Segment? Segment(string id, int element, string qualifier)
    {
        for (var i = 0; i < _count; i++)
        {
            if (qualifier is not null && IsSegment(i, id) && ElementSpanAt(i, element).SequenceEqual(qualifier))
                return SegmentAt(i);
        }

        return null;
    }

    /// <summary>All own segments with <paramref name="id"/>: <c>loop.Segments("REF")</c>.</summary>
    public IEnumerable<X12Segment> Segments(string id)
    {
        for (var i = 0; i < _count; i++)
        {
            if (IsSegment(i, id))
                yield return SegmentAt(i)!;
        }
    }

    /// <summary>
    /// All own segments with <paramref name="id"/>, as <see cref="Segments"/> gives them but in a list, made only when one
    /// matches (an empty list is shared): for hot paths that read a loop's segments of a kind.
    /// </summary>
    public IReadOnlyList<X12Segment> SegmentList(string id)
    {
        List<X12Segment>? found = null;
        for (var i = 0; i < _count; i++)
        {
            if (IsSegment(i, id))
                (found ??= []).Add(SegmentAt(i)!);
        }

        return found ?? (IReadOnlyList<X12Segment>)[];
    }

    /// <summary>Loops with <paramref name="id"/> at any depth below this loop, in document order.</summary>
    public IEnumerable<X12Loop> Loops(string id)
    {
        foreach (var loop in Descendants())
        {
            if (loop.Id == id)
                yield return loop;
        }
    }

    /// <summary>
    /// The first loop with <paramref name="id"/> below this loop (as <c>Loops(id).FirstOrDefault()</c>), found without an
    /// enumerator or a stack: a 271 is searched this way several times.
    /// </summary>
    public X12Loop? FirstLoop(string id)
    {
        for (var i = 0; i < _count; i++)
        {
            if (LoopAt(i) is { } child && (child.Id == id ? child : child.FirstLoop(id)) is { } found)
                return found;
        }

        return null;
    }

    /// <summary>Every nested loop, depth first, in document order.</summary>
    public IEnumerable<X12Loop> Descendants() => X12TreeWalk.Loops(this);

    /// <summary>Every segment of this loop and its nested loops, in document order.</summary>
    public IEnumerable<X12ParsedSegment> AllSegments() => X12TreeWalk.Segments(this);

    /// <summary>Number of segments in this loop and its nested loops, counted without enumerators.</summary>
    internal int CountSegments()
    {
        var count = 0;
        for (var i = 0; i < _count; i++)
            count += LoopAt(i) is { } loop ? loop.CountSegments() : 1;
        return count;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
