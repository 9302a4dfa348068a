using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>SNIP level 2 checks of one segment's elements: usage, repeats, components, type, length and code values.</summary>
internal sealed class X12ElementValidator(X12FindingSink sink)
{
    public void Validate(X12ParsedSegment parsed, string loopId)
    {
        var segment = parsed.Segment;
        var schema = parsed.Rule!.Segment;
        if (segment.ElementCount > schema.Elements.Count)
        {
            var position = schema.Elements.Count + 1;
            sink.Element(segment, loopId, "3", position, null, null, segment[position],
                $"{segment.Id} has {segment.ElementCount} elements; the guide defines {schema.Elements.Count}");
        }

        foreach (var element in schema.Elements)
            ValidateElement(segment, loopId, element);

        X12DatePeriodRules.Check(segment, loopId, sink);
    }

    private void ValidateElement(X12Segment segment, string loopId, X12ElementSchema element)
    {
        var raw = segment[element.Position];
        if (raw.Length == 0)
        {
            if (element.Usage == X12Usage.Required)
                sink.Element(segment, loopId, "1", element.Position, null, element.Ref, null, $"{Name(segment, element)} is required but missing");
            return;
        }

        if (element.Usage == X12Usage.NotUsed)
        {
            sink.Element(segment, loopId, "I10", element.Position, null, element.Ref, raw, $"{Name(segment, element)} is not used in this guide but is present");
            return;
        }

        var repeats = segment.Delimiters.HasRepetition && segment.Id != "ISA" && raw.Contains(segment.Delimiters.Repetition, StringComparison.Ordinal);
        var repetitions = repeats ? raw.Split(segment.Delimiters.Repetition) : [raw];
        if (repetitions.Length > element.Repeat)
        {
            sink.Element(segment, loopId, "12", element.Position, null, element.Ref, null,
                $"{Name(segment, element)} repeats {repetitions.Length} times; at most {element.Repeat} allowed");
        }

        for (var r = 0; r < repetitions.Length; r++)
        {
            int? repetition = element.Repeat > 1 ? r + 1 : null;
            if (element.IsComposite)
                ValidateComposite(segment, loopId, element, repetitions[r], repetition);
            else if (repetitions[r].Contains(segment.Delimiters.Component, StringComparison.Ordinal))
                sink.Element(segment, loopId, "13", element.Position, null, element.Ref, null, $"{Name(segment, element)} is not a composite but has components", repetition);
            else
                CheckValue(segment, loopId, element, element.Position, null, repetitions[r], null, repetition);
        }
    }

    private void ValidateComposite(X12Segment segment, string loopId, X12ElementSchema composite, string text, int? repetition)
    {
        var parts = text.Split(segment.Delimiters.Component);
        if (parts.Length > composite.Components.Count)
        {
            sink.Element(segment, loopId, "13", composite.Position, null, composite.Ref, null,
                $"{segment.Id}{composite.Position:00} has {parts.Length} components; the guide defines {composite.Components.Count}", repetition);
        }

        foreach (var component in composite.Components)
        {
            var value = component.Position <= parts.Length ? parts[component.Position - 1] : "";
            if (value.Length == 0)
            {
                if (component.Usage == X12Usage.Required)
                    sink.Element(segment, loopId, "1", composite.Position, component.Position, component.Ref, null, $"{Name(segment, composite, component)} is required but missing", repetition);
            }
            else if (component.Usage == X12Usage.NotUsed)
            {
                sink.Element(segment, loopId, "I10", composite.Position, component.Position, component.Ref, value, $"{Name(segment, composite, component)} is not used but present", repetition);
            }
            else
            {
                CheckValue(segment, loopId, component, composite.Position, component.Position, value, composite, repetition);
            }
        }
    }

    // Names are built only for findings: most elements are fine and formatting every one would dominate the cost.
    private static string Name(X12Segment segment, X12ElementSchema element) => $"{segment.Id}{element.Position:00} {element.Name}";

    private static string Name(X12Segment segment, X12ElementSchema composite, X12ElementSchema component) =>
        $"{segment.Id}{composite.Position:00}-{component.Position} {component.Name}";

    private void CheckValue(X12Segment segment, string loopId, X12ElementSchema element, int position, int? component, string value,
        X12ElementSchema? composite, int? repetition)
    {
        if (X12ValueRules.Check(element, value) is not { } error)
            return;

        var name = composite is null ? Name(segment, element) : Name(segment, composite, element);
        // A value outside a partial code list is only a warning: the schema keeps the codes that matter, not all codes.
        var severity = error.Code == "7" && element.CodesPartial ? X12IssueSeverity.Warning : X12IssueSeverity.Error;
        sink.Element(segment, loopId, error.Code, position, component, element.Ref, value, $"{name}: {error.Reason}", repetition, severity);
    }
}
