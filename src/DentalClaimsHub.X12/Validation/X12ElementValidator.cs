using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>SNIP level 2 checks of one segment's elements: usage, repeats, components, type, length and code values.</summary>
/// <remarks>Values are checked as spans of the segment's text; strings are made only for findings.</remarks>
internal sealed partial class X12ElementValidator(X12FindingSink sink)
{
    public void Validate(X12Segment segment, X12SegmentRule rule, string loopId)
    {
        var schema = rule.Segment;
        if (segment.ElementCount > schema.Elements.Count)
        {
            var position = schema.Elements.Count + 1;
            sink.Element(segment, loopId, "3", position, null, null, segment[position],
                $"{segment.Id} has {segment.ElementCount} elements; the guide defines {schema.Elements.Count}");
        }

        var plan = X12SegmentPlan.For(schema);
        var elements = plan.Elements;
        var present = segment.ElementCount;
        var cursor = new X12Segment.ElementCursor(segment);
        cursor.Skip();
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            ReadOnlySpan<char> raw;
            if (!plan.InOrder)
                raw = element.Position >= 1 ? segment.ElementSpan(element.Position) : default;
            else if (i < present)
                raw = cursor.Next(); // positions 1, 2, 3…: walk the segment alongside instead of seeking each element
            else if (i > plan.LastRequired)
                break; // absent from here on, and nothing further is required
            else
                raw = default;
            ValidateElement(segment, loopId, element, raw);
        }

        X12DatePeriodRules.Check(segment, loopId, sink);
    }

    private void ValidateElement(X12Segment segment, string loopId, X12ElementSchema element, ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            if (element.Usage == X12Usage.Required)
                sink.Element(segment, loopId, "1", element.Position, null, element.Ref, null, $"{Name(segment, element)} is required but missing");
            return;
        }

        if (element.Usage == X12Usage.NotUsed)
        {
            sink.Element(segment, loopId, "I10", element.Position, null, element.Ref, raw.ToString(), $"{Name(segment, element)} is not used in this guide but is present");
            return;
        }

        var delimiters = segment.Delimiters;
        var repeats = delimiters.HasRepetition && segment.Id != "ISA" && raw.Contains(delimiters.Repetition);
        var count = repeats ? raw.Count(delimiters.Repetition) + 1 : 1;
        if (count > element.Repeat)
        {
            sink.Element(segment, loopId, "12", element.Position, null, element.Ref, null,
                $"{Name(segment, element)} repeats {count} times; at most {element.Repeat} allowed");
        }

        var rest = raw;
        for (var r = 0; ; r++)
        {
            var end = repeats ? rest.IndexOf(delimiters.Repetition) : -1;
            var text = end < 0 ? rest : rest[..end];
            int? repetition = element.Repeat > 1 ? r + 1 : null;
            if (element.IsComposite)
                ValidateComposite(segment, loopId, element, text, repetition);
            else if (text.Contains(delimiters.Component))
                sink.Element(segment, loopId, "13", element.Position, null, element.Ref, null, $"{Name(segment, element)} is not a composite but has components", repetition);
            else
                CheckValue(segment, loopId, element, element.Position, null, text, null, repetition);
            if (end < 0)
                break;
            rest = rest[(end + 1)..];
        }
    }
}
