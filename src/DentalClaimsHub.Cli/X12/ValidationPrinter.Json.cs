using System.Text;
using System.Text.Json;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Envelopes;

namespace DentalClaimsHub.Cli.X12;

internal static partial class ValidationPrinter
{
    public static void WriteJson(TextWriter output, string file, ValidationOutcome outcome, string? ackKind, string? ackText)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteBoolean("readable", outcome.IsReadable);
            json.WriteBoolean("valid", outcome.IsValid);
            json.WriteNumber("exitCode", outcome.ExitCode);
            json.WriteNumber("segments", outcome.Envelope.SegmentCount);
            json.WriteString("levels", outcome.Schema is null ? "snip1" : "snip1-2");
            json.WriteStartArray("interchanges");
            foreach (var interchange in outcome.Envelope.Interchanges)
            {
                WriteInterchange(json, interchange);
            }

            json.WriteEndArray();
            json.WriteStartArray("issues");
            foreach (var issue in outcome.Issues)
            {
                WriteIssue(json, issue);
            }

            json.WriteEndArray();
            if (ackKind is not null)
            {
                json.WriteStartObject("acknowledgment");
                json.WriteString("kind", ackKind);
                json.WriteString("x12", ackText);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteInterchange(Utf8JsonWriter json, X12InterchangeInfo interchange)
    {
        json.WriteStartObject();
        json.WriteString("controlNumber", interchange.ControlNumber);
        json.WriteString("sender", $"{interchange.Sender.Qualifier}:{interchange.Sender.Id}");
        json.WriteString("receiver", $"{interchange.Receiver.Qualifier}:{interchange.Receiver.Id}");
        json.WriteString("ta1Note", ((int)interchange.NoteCode).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("groups");
        foreach (var group in interchange.Groups)
        {
            json.WriteStartObject();
            json.WriteString("functionalId", group.FunctionalId);
            json.WriteString("controlNumber", group.ControlNumber);
            json.WriteString("version", group.Version);
            json.WriteStartArray("transactionSets");
            foreach (var st in group.TransactionSets)
            {
                json.WriteStartObject();
                json.WriteString("id", st.TransactionSetId);
                json.WriteString("controlNumber", st.ControlNumber);
                json.WriteString("implementationReference", st.ImplementationReference);
                json.WriteNumber("firstSegment", st.StartOrdinal);
                if (st.EndOrdinal is { } end)
                {
                    json.WriteNumber("lastSegment", end);
                }

                json.WriteNumber("segmentCount", st.SegmentCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter json, X12Issue issue)
    {
        json.WriteStartObject();
        json.WriteString("severity", issue.Severity.ToString().ToLowerInvariant());
        json.WriteString("code", issue.Code);
        WriteOptional(json, "segment", issue.SegmentOrdinal);
        json.WriteString("loop", issue.LoopId);
        json.WriteString("segmentId", issue.SegmentId);
        WriteOptional(json, "element", issue.ElementPosition);
        WriteOptional(json, "component", issue.ComponentPosition);
        if (issue.ByteOffset is { } offset)
        {
            json.WriteNumber("byteOffset", offset);
        }

        json.WriteString("message", issue.Message);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
