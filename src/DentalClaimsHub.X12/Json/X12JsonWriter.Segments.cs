using System.Text.Json;

namespace DentalClaimsHub.X12.Json;

/// <summary>Segment and element rendering of <see cref="X12JsonWriter"/>.</summary>
public static partial class X12JsonWriter
{
    private static void Segment(Utf8JsonWriter json, string? property, X12Segment? segment, bool unexpected = false)
    {
        if (property is not null) json.WritePropertyName(property);
        if (segment is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("segment", segment.Id);
        if (unexpected) json.WriteBoolean("unexpected", true);
        json.WriteStartArray("elements");
        for (var i = 1; i <= segment.ElementCount; i++)
            Element(json, segment, i);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Element(Utf8JsonWriter json, X12Segment segment, int position)
    {
        var raw = segment[position];
        var delimiters = segment.Delimiters;
        if (segment.Id == "ISA")
        {
            json.WriteStringValue(raw);
        }
        else if (delimiters.HasRepetition && raw.Contains(delimiters.Repetition, StringComparison.Ordinal))
        {
            json.WriteStartObject();
            json.WriteStartArray("repetitions");
            foreach (var repetition in raw.Split(delimiters.Repetition))
                Value(json, repetition, delimiters);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            Value(json, raw, delimiters);
        }
    }

    private static void Value(Utf8JsonWriter json, string raw, X12Delimiters delimiters)
    {
        if (!raw.Contains(delimiters.Component, StringComparison.Ordinal))
        {
            json.WriteStringValue(raw);
            return;
        }

        json.WriteStartArray();
        foreach (var component in raw.Split(delimiters.Component))
            json.WriteStringValue(component);
        json.WriteEndArray();
    }
}
