using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

internal sealed partial class X12ElementValidator
{
    private void ValidateComposite(X12Segment segment, string loopId, X12ElementSchema composite, ReadOnlySpan<char> text, int? repetition)
    {
        var separator = segment.Delimiters.Component;
        var parts = text.Count(separator) + 1;
        if (parts > composite.Components.Count)
        {
            sink.Element(segment, loopId, "13", composite.Position, null, composite.Ref, null,
                $"{segment.Id}{composite.Position:00} has {parts} components; the guide defines {composite.Components.Count}", repetition);
        }

        foreach (var component in composite.Components)
        {
            var value = component.Position <= parts ? Part(text, separator, component.Position - 1) : default;
            if (value.IsEmpty)
            {
                if (component.Usage == X12Usage.Required)
                    sink.Element(segment, loopId, "1", composite.Position, component.Position, component.Ref, null, $"{Name(segment, composite, component)} is required but missing", repetition);
            }
            else if (component.Usage == X12Usage.NotUsed)
            {
                sink.Element(segment, loopId, "I10", composite.Position, component.Position, component.Ref, value.ToString(), $"{Name(segment, composite, component)} is not used but present", repetition);
            }
            else
            {
                CheckValue(segment, loopId, component, composite.Position, component.Position, value, composite, repetition);
            }
        }
    }

    // Part 'index' (0-based) of a text split on 'separator'; composites have a handful of parts.
    private static ReadOnlySpan<char> Part(ReadOnlySpan<char> text, char separator, int index)
    {
        for (var i = 0; i < index; i++)
            text = text[(text.IndexOf(separator) + 1)..];
        var end = text.IndexOf(separator);
        return end < 0 ? text : text[..end];
    }

    // Names are built only for findings: most elements are fine and formatting every one would dominate the cost.
    private static string Name(X12Segment segment, X12ElementSchema element) => $"{segment.Id}{element.Position:00} {element.Name}";

    private static string Name(X12Segment segment, X12ElementSchema composite, X12ElementSchema component) =>
        $"{segment.Id}{composite.Position:00}-{component.Position} {component.Name}";

    private void CheckValue(X12Segment segment, string loopId, X12ElementSchema element, int position, int? component, ReadOnlySpan<char> value,
        X12ElementSchema? composite, int? repetition)
    {
        if (X12ValueRules.Check(element, value) is not { } error)
            return;

        var name = composite is null ? Name(segment, element) : Name(segment, composite, element);
        // A value outside a partial code list is only a warning: the schema keeps the codes that matter, not all codes.
        var severity = error.Code == "7" && element.CodesPartial ? X12IssueSeverity.Warning : X12IssueSeverity.Error;
        sink.Element(segment, loopId, error.Code, position, component, element.Ref, value.ToString(), $"{name}: {error.Reason}", repetition, severity);
    }
}
