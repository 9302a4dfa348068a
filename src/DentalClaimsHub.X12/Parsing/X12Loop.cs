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
    public X12Segment? Segment(string id) => OwnSegments.FirstOrDefault(s => s.Id == id)?.Segment;

    /// <summary>The first own segment with <paramref name="id"/> whose <paramref name="element"/> equals <paramref name="qualifier"/>.</summary>
    public X12Segment? Segment(string id, int element, string qualifier) =>
        OwnSegments.FirstOrDefault(s => s.Id == id && s.Segment[element] == qualifier)?.Segment;

    /// <summary>All own segments with <paramref name="id"/>: <c>loop.Segments("REF")</c>.</summary>
    public IEnumerable<X12Segment> Segments(string id) => OwnSegments.Where(s => s.Id == id).Select(s => s.Segment);

    /// <summary>Loops with <paramref name="id"/> at any depth below this loop, in document order.</summary>
    public IEnumerable<X12Loop> Loops(string id) => Descendants().Where(l => l.Id == id);

    /// <summary>Every nested loop, depth first, in document order.</summary>
    public IEnumerable<X12Loop> Descendants()
    {
        foreach (var child in ChildLoops)
        {
            yield return child;
            foreach (var nested in child.Descendants())
                yield return nested;
        }
    }

    /// <summary>Every segment of this loop and its nested loops, in document order.</summary>
    public IEnumerable<X12ParsedSegment> AllSegments()
    {
        foreach (var child in _children)
        {
            if (child is X12ParsedSegment segment)
                yield return segment;
            else if (child is X12Loop loop)
                foreach (var nested in loop.AllSegments())
                    yield return nested;
        }
    }

    internal void Add(X12Node node)
    {
        node.Parent = this;
        _children.Add(node);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
