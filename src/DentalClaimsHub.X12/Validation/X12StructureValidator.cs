using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>SNIP level 2 checks of a loop tree: required and not-used segments and loops, maximum use and repeats.</summary>
internal sealed class X12StructureValidator(X12FindingSink sink, X12ElementValidator elements)
{
    // Per schema position of the loop being checked: how often it matched and its first match. Reused from loop to
    // loop (a loop is fully checked before its nested loops are visited).
    private int[] _counts = new int[64];
    private int[] _firsts = new int[64];

    public void Validate(X12Loop loop)
    {
        if (loop.Schema is { } schema)
            CheckCounts(loop, schema);

        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.LoopAt(i) is { } nested)
                Validate(nested);
            else if (loop.RuleAt(i) is { } rule)
                elements.Validate(loop.SegmentAt(i)!, rule, loop.Id);
        }
    }

    private void CheckCounts(X12Loop loop, X12LoopSchema schema)
    {
        var table = X12LoopTable.For(schema);
        var children = schema.Children;
        Tally(loop, table);
        X12Segment? leading = null;
        for (var i = 0; i < loop.Count && leading is null; i++)
            leading = loop.SegmentAt(i);

        // Like the first-segment lookup it replaces, a loop without segments (never built by the parser) stops validation.
        if (leading is null)
            throw new InvalidOperationException($"Loop {loop.Id} has no segments.");

        for (var index = 1; index < children.Count; index++)
        {
            var count = _counts[index];
            if (!table.MayReport(index, count))
                continue;
            if (children[index] is X12SegmentRule rule)
                CheckSegment(loop, rule, count, _firsts[index], leading);
            else if (children[index] is X12LoopSchema loopSchema)
                CheckLoop(loop, loopSchema, count, _firsts[index], leading);
        }
    }

    private void Tally(X12Loop loop, X12LoopTable table)
    {
        if (_counts.Length < table.Count)
        {
            _counts = new int[table.Count];
            _firsts = new int[table.Count];
        }

        Array.Clear(_counts, 0, table.Count);
        for (var i = 0; i < loop.Count; i++)
        {
            X12StructureNode? node = loop.LoopAt(i) is { } nested ? nested.Schema : loop.RuleAt(i);
            var index = node is null ? -1 : table.IndexOf(node);
            if (index < 0)
                continue;
            if (_counts[index]++ == 0)
                _firsts[index] = i;
        }
    }

    private void CheckSegment(X12Loop loop, X12SegmentRule rule, int count, int first, X12Segment leading)
    {
        if (count == 0)
        {
            // ST/SE problems are transaction-level (IK5); the parser already reported a missing SE.
            if (rule.Usage == X12Usage.Required && rule.Segment.Id != "SE")
                sink.MissingSegment(X12ExpectedPosition.Find(loop, rule, leading), rule.Segment.Id, loop.Id, "3",
                    $"required segment {rule} is missing from loop {loop.Id} {loop.Name}");
            return;
        }

        if (rule.Usage == X12Usage.NotUsed)
            sink.Segment(loop.SegmentAt(first)!, loop.Id, "I4", $"segment {rule} is not used in loop {loop.Id} but is present");

        if (count <= rule.MaxUse)
            return;
        var seen = 0;
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.SegmentAt(i) is { } extra && ReferenceEquals(loop.RuleAt(i), rule) && ++seen > rule.MaxUse)
                sink.Segment(extra, loop.Id, "5", $"segment {rule} exceeds its maximum use of {rule.MaxUse} in loop {loop.Id}");
        }
    }

    private void CheckLoop(X12Loop loop, X12LoopSchema schema, int count, int first, X12Segment leading)
    {
        if (count == 0)
        {
            if (schema.Usage == X12Usage.Required)
                sink.MissingSegment(X12ExpectedPosition.Find(loop, schema, leading), schema.LeadingSegmentId, schema.Id, "3",
                    $"required loop {schema.Id} {schema.Name} (starting with {schema.Leading}) is missing");
            return;
        }

        if (schema.Usage == X12Usage.NotUsed)
            sink.Segment(loop.LoopAt(first)!.OwnSegments.First().Segment, schema.Id, "I4", $"loop {schema.Id} is not used but is present");

        if (count <= schema.Repeat)
            return;
        var seen = 0;
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.LoopAt(i) is { } extra && ReferenceEquals(extra.Schema, schema) && ++seen > schema.Repeat)
                sink.Segment(extra.OwnSegments.First().Segment, schema.Id, "4", $"loop {schema.Id} occurs more than {schema.Repeat} times");
        }
    }
}
