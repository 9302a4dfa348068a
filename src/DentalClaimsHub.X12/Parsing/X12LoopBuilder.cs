using System.Runtime.InteropServices;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Places the segments of one transaction set into the loop tree of its schema: a segment belongs to the first
/// child at or after the current position of the innermost open loop that accepts it (leading segment + qualifier);
/// otherwise enclosing loops are tried, closing the inner ones. Unmatched segments are kept and reported.
/// </summary>
/// <remarks>
/// An open loop collects its children in a list kept per nesting level and reused; when it closes they are copied
/// into the parse's shared entry chunks, so a loop costs one object and no array of its own.
/// </remarks>
internal sealed class X12LoopBuilder
{
    private readonly List<Frame> _stack = [];
    private readonly List<List<X12Entry>> _open = [];
    private readonly X12TransactionSchema? _schema;
    private readonly X12SchemaRegistry _registry;
    private readonly List<X12Issue> _issues;
    private readonly X12LoopEntries _entries;

    public X12LoopBuilder(
        X12LoopEntries entries, int header, X12TransactionSchema? schema, X12SchemaRegistry registry, List<X12Issue> issues)
    {
        _entries = entries;
        _schema = schema;
        _registry = registry;
        _issues = issues;
        var rootSchema = schema?.Root;
        Root = new X12Loop(rootSchema, "ST", rootSchema?.Name ?? "Transaction Set", entries);
        Open(new Frame(rootSchema, Root, rootSchema is null ? null : X12LoopTable.For(rootSchema)));
        Children(0).Add(new X12Entry(header, rootSchema is null ? -1 : 0));
    }

    public X12Loop Root { get; }

    /// <summary>Places the segment at <paramref name="row"/> of the store, whose identifier is <paramref name="id"/>.</summary>
    public void Add(int row, string id)
    {
        if (_schema is null)
        {
            Children(0).Add(new X12Entry(row, -1));
            return;
        }

        if (TryPlace(row, id, strict: true) || TryPlace(row, id, strict: false))
            return;

        Children(_stack.Count - 1).Add(new X12Entry(row, -1));
        Report(_entries.Segments.Get(row), _stack[^1]);
    }

    /// <summary>Closes every open loop (at SE, or when the transaction set ends without one): the tree is then complete.</summary>
    public void Complete() => Close(0);

    private bool TryPlace(int row, string id, bool strict)
    {
        var store = _entries.Segments;
        for (var depth = _stack.Count - 1; depth >= 0; depth--)
        {
            var frame = _stack[depth];
            var table = frame.Table!;
            // The leading segment opens a loop once; the next one opens a new occurrence of the loop.
            var from = Math.Max(frame.Position, 1);
            foreach (var index in table.PositionsOf(id))
            {
                if (index < from)
                    continue;

                var accepts = strict ? table.Accepts(index, store, row, id) : table.IsSegmentWithId(index, id, frame.Schema!);
                if (!accepts)
                    continue;

                Close(depth + 1);
                CollectionsMarshal.AsSpan(_stack)[depth].Position = index;
                if (frame.Schema!.Children[index] is X12LoopSchema loopSchema)
                {
                    var loop = new X12Loop(loopSchema, loopSchema.Id, loopSchema.Name, _entries);
                    loop.Parent = frame.Loop;
                    Children(depth).Add(new X12Entry(_entries.Add(loop), -1));
                    Open(new Frame(loopSchema, loop, table.ChildTable(index, loopSchema)));
                    Children(depth + 1).Add(new X12Entry(row, 0));
                }
                else
                {
                    Children(depth).Add(new X12Entry(row, index));
                }

                return true;
            }
        }

        return false;
    }

    private List<X12Entry> Children(int depth) => _open[depth];

    private void Open(Frame frame)
    {
        _stack.Add(frame);
        if (_open.Count < _stack.Count)
            _open.Add([]);
    }

    // Closes the open loops from stack position 'from' inwards, handing each its children.
    private void Close(int from)
    {
        for (var i = _stack.Count - 1; i >= from; i--)
        {
            _entries.Complete(_stack[i].Loop, _open[i]);
            _open[i].Clear();
        }

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
