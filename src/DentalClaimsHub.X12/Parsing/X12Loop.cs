using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>One occurrence of a loop, e.g. one 2300 claim, with its segments and nested loops in document order.</summary>
public sealed class X12Loop(X12LoopSchema? schema, string id, string name) : X12Node
{
    private readonly List<X12Node> _children = [];

    /// <summary>The loop's definition; null for the root of a transaction set without a schema.</summary>
    public X12LoopSchema? Schema { get; } = schema;

    /// <summary>Loop identifier, e.g. <c>2300</c>; <c>ST</c> for the transaction set.</summary>
    public string Id { get; } = id;

    /// <summary>Loop name from the guide.</summary>
    public string Name { get; } = name;

    /// <summary>Segments and loops in document order.</summary>
    public IReadOnlyList<X12Node> Children => _children;

    /// <summary>This loop's own segments (not those of nested loops), in order.</summary>
    public IEnumerable<X12ParsedSegment> OwnSegments => _children.OfType<X12ParsedSegment>();

    /// <summary>Nested loops directly under this one.</summary>
    public IEnumerable<X12Loop> ChildLoops => _children.OfType<X12Loop>();

    /// <summary>The first own segment with <paramref name="id"/>, or null: <c>loop.Segment("CLM")?[5, 3]</c>.</summary>
    public X12Segment? Segment(string id)
    {
        foreach (var child in _children)
        {
            if (child is X12ParsedSegment parsed && parsed.Id == id)
                return parsed.Segment;
        }

        return null;
    }

    /// <summary>The first own segment with <paramref name="id"/> whose <paramref name="element"/> equals <paramref name="qualifier"/>.</summary>
    public X12Segment? Segment(string id, int element, string qualifier)
    {
        foreach (var child in _children)
        {
            if (child is X12ParsedSegment parsed && parsed.Id == id && parsed.Segment.ElementEquals(element, qualifier))
                return parsed.Segment;
        }

        return null;
    }

    /// <summary>All own segments with <paramref name="id"/>: <c>loop.Segments("REF")</c>.</summary>
    public IEnumerable<X12Segment> Segments(string id)
    {
        foreach (var child in _children)
        {
            if (child is X12ParsedSegment parsed && parsed.Id == id)
                yield return parsed.Segment;
        }
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

    /// <summary>Every nested loop, depth first, in document order.</summary>
    public IEnumerable<X12Loop> Descendants() => X12TreeWalk.Loops(this);

    /// <summary>Every segment of this loop and its nested loops, in document order.</summary>
    public IEnumerable<X12ParsedSegment> AllSegments() => X12TreeWalk.Segments(this);

    /// <summary>Number of segments in this loop and its nested loops, counted without enumerators.</summary>
    internal int CountSegments()
    {
        var count = 0;
        foreach (var child in _children)
            count += child is X12Loop loop ? loop.CountSegments() : 1;
        return count;
    }

    /// <summary>Direct access to the children for hot loops inside the engine.</summary>
    internal List<X12Node> Nodes => _children;

    internal void Add(X12Node node)
    {
        node.Parent = this;
        _children.Add(node);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
