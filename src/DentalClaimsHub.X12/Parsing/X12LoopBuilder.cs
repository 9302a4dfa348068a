using System.Runtime.InteropServices;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Places the segments of one transaction set into the loop tree of its schema: a segment belongs to the first
/// child at or after the current position of the innermost open loop that accepts it (leading segment + qualifier);
/// otherwise enclosing loops are tried, closing the inner ones. Unmatched segments are kept and reported.
/// </summary>
internal sealed class X12LoopBuilder
{
    private readonly List<Frame> _stack = [];
    private readonly X12TransactionSchema? _schema;
    private readonly X12SchemaRegistry _registry;
    private readonly List<X12Issue> _issues;
    private readonly X12SegmentStore _store;

    public X12LoopBuilder(
        X12SegmentStore store, int header, X12TransactionSchema? schema, X12SchemaRegistry registry, List<X12Issue> issues)
    {
        _store = store;
        _schema = schema;
        _registry = registry;
        _issues = issues;
        var rootSchema = schema?.Root;
        Root = new X12Loop(rootSchema, "ST", rootSchema?.Name ?? "Transaction Set", 4, store);
        Root.Add(header, rootSchema?.Leading);
        _stack.Add(new Frame(rootSchema, Root, rootSchema is null ? null : X12LoopTable.For(rootSchema)));
    }

    public X12Loop Root { get; }

    /// <summary>Places the segment at <paramref name="row"/> of the store, whose identifier is <paramref name="id"/>.</summary>
    public void Add(int row, string id)
    {
        if (_schema is null)
        {
            Root.Add(row, null);
            return;
        }

        if (TryPlace(row, id, strict: true) || TryPlace(row, id, strict: false))
            return;

        var top = _stack[^1];
        top.Loop.Add(row, null);
        Report(_store.Get(row), top);
    }

    private bool TryPlace(int row, string id, bool strict)
    {
        for (var depth = _stack.Count - 1; depth >= 0; depth--)
        {
            var frame = _stack[depth];
            var table = frame.Table!;
            // The leading segment opens a loop once; the next one opens a new occurrence of the loop.
            for (var index = Math.Max(frame.Position, 1); index < table.Count; index++)
            {
                var accepts = strict ? table.Accepts(index, _store, row, id) : table.IsSegmentWithId(index, id, frame.Schema!);
                if (!accepts)
                    continue;

                Close(depth + 1);
                CollectionsMarshal.AsSpan(_stack)[depth].Position = index;
                var child = frame.Schema!.Children[index];
                if (child is X12LoopSchema loopSchema)
                {
                    var childTable = X12LoopTable.For(loopSchema);
                    var loop = new X12Loop(loopSchema, loopSchema.Id, loopSchema.Name, childTable.CapacityHint, _store);
                    frame.Loop.Add(loop);
                    loop.Add(row, loopSchema.Leading);
                    _stack.Add(new Frame(loopSchema, loop, childTable));
                }
                else
                {
                    frame.Loop.Add(row, (X12SegmentRule)child);
                }

                return true;
            }
        }

        return false;
    }

    // Closes the open loops from stack position 'from' inwards, noting their sizes for the next occurrences.
    private void Close(int from)
    {
        for (var i = from; i < _stack.Count; i++)
            _stack[i].Table?.Observe(_stack[i].Loop.Count);
        _stack.RemoveRange(from, _stack.Count - from);
    }

    private void Report(X12Segment segment, Frame top)
    {
        var (code, reason) = !_registry.IsKnownSegment(segment.Id)
            ? ("1", $"segment id '{segment.Id}' is not a segment any loaded guide knows")
            : !_schema!.Segments.ContainsKey(segment.Id)
                ? ("6", $"segment {segment.Id} is not part of {_schema.Guide} {_schema.TransactionSet}")
                : top.Schema!.Children.Take(top.Position).Any(c => c.LeadingSegmentId == segment.Id)
                    ? ("7", $"segment {segment.Id} is out of order in loop {top.Loop.Id}")
                    : ("2", $"segment {segment.Id} is not expected at this point of loop {top.Loop.Id}");
        _issues.Add(new X12Issue(X12IssueSeverity.Error, X12IssueCodes.Segment(code), $"Segment {segment.Ordinal}: {reason}.",
            segment.Ordinal, segment.Id, top.Loop.Id, null, null, segment.ByteOffset));
    }

    // A struct: one open loop per nesting level, kept in the stack's array without an object per loop occurrence.
    private struct Frame(X12LoopSchema? schema, X12Loop loop, X12LoopTable? table)
    {
        public readonly X12LoopSchema? Schema { get; } = schema;

        public readonly X12LoopTable? Table { get; } = table;

        public readonly X12Loop Loop { get; } = loop;

        public int Position { get; set; }
    }
}
