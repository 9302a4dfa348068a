using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>SNIP level 2 checks of a loop tree: required and not-used segments and loops, maximum use and repeats.</summary>
internal sealed class X12StructureValidator(X12FindingSink sink, X12ElementValidator elements)
{
    public void Validate(X12Loop loop)
    {
        if (loop.Schema is { } schema)
            CheckCounts(loop, schema);

        foreach (var child in loop.Children)
        {
            if (child is X12ParsedSegment { Rule: not null } segment)
                elements.Validate(segment, loop.Id);
            else if (child is X12Loop nested)
                Validate(nested);
        }
    }

    private void CheckCounts(X12Loop loop, X12LoopSchema schema)
    {
        var leading = loop.OwnSegments.First().Segment;
        foreach (var node in schema.Children.Skip(1))
        {
            if (node is X12SegmentRule rule)
            {
                var matched = loop.OwnSegments.Where(s => ReferenceEquals(s.Rule, rule)).ToList();
                CheckSegment(loop, rule, matched, leading);
            }
            else if (node is X12LoopSchema loopSchema)
            {
                var matched = loop.ChildLoops.Where(l => ReferenceEquals(l.Schema, loopSchema)).ToList();
                CheckLoop(loop, loopSchema, matched, leading);
            }
        }
    }

    private void CheckSegment(X12Loop loop, X12SegmentRule rule, List<X12ParsedSegment> matched, X12Segment leading)
    {
        if (matched.Count == 0)
        {
            // ST/SE problems are transaction-level (IK5); the parser already reported a missing SE.
            if (rule.Usage == X12Usage.Required && rule.Segment.Id != "SE")
                sink.MissingSegment(Expected(loop, rule, leading), rule.Segment.Id, loop.Id, "3",
                    $"required segment {rule} is missing from loop {loop.Id} {loop.Name}");
            return;
        }

        if (rule.Usage == X12Usage.NotUsed)
            sink.Segment(matched[0].Segment, loop.Id, "I4", $"segment {rule} is not used in loop {loop.Id} but is present");

        foreach (var extra in matched.Skip(rule.MaxUse))
            sink.Segment(extra.Segment, loop.Id, "5", $"segment {rule} exceeds its maximum use of {rule.MaxUse} in loop {loop.Id}");
    }

    private void CheckLoop(X12Loop loop, X12LoopSchema schema, List<X12Loop> matched, X12Segment leading)
    {
        if (matched.Count == 0)
        {
            if (schema.Usage == X12Usage.Required)
                sink.MissingSegment(Expected(loop, schema, leading), schema.LeadingSegmentId, schema.Id, "3",
                    $"required loop {schema.Id} {schema.Name} (starting with {schema.Leading}) is missing");
            return;
        }

        if (schema.Usage == X12Usage.NotUsed)
            sink.Segment(matched[0].OwnSegments.First().Segment, schema.Id, "I4", $"loop {schema.Id} is not used but is present");

        foreach (var extra in matched.Skip(schema.Repeat))
            sink.Segment(extra.OwnSegments.First().Segment, schema.Id, "4", $"loop {schema.Id} occurs more than {schema.Repeat} times");
    }

    // A missing segment or loop is reported at the first segment read where it should have been (else the loop's last one).
    private static X12Segment Expected(X12Loop loop, X12StructureNode missing, X12Segment leading)
    {
        var children = loop.Schema!.Children;
        var index = IndexOf(children, missing);
        foreach (var child in loop.Children)
        {
            var node = child switch
            {
                X12ParsedSegment { Rule: { } rule } => (X12StructureNode)rule,
                X12Loop { Schema: { } schema } => schema,
                _ => null,
            };
            if (node is not null && IndexOf(children, node) > index)
                return child is X12ParsedSegment segment ? segment.Segment : ((X12Loop)child).OwnSegments.First().Segment;
        }

        return loop.AllSegments().LastOrDefault(s => s.Id != "SE")?.Segment ?? leading;
    }

    private static int IndexOf(IReadOnlyList<X12StructureNode> children, X12StructureNode node)
    {
        for (var i = 0; i < children.Count; i++)
            if (ReferenceEquals(children[i], node)) return i;
        return -1;
    }
}
