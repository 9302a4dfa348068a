using System.Text;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Cli.X12;

/// <summary>Builds the acknowledgment asked for with <c>--ack</c>.</summary>
internal static class AcknowledgmentText
{
    public static string? Build(string kind, ValidationOutcome outcome, TextWriter error)
    {
        // A command-line run has no persistent sequence: start at 1, the caller renumbers when it sends the file.
        var numbers = new SequentialControlNumberSource();
        if (kind == "ta1")
        {
            if (outcome.Envelope.Interchanges.Count == 0)
            {
                error.WriteLine("note: no interchange was read, so there is nothing to acknowledge with a TA1.");
                return null;
            }

            var builder = new Ta1Builder(numbers);
            var text = new StringBuilder();
            var options = new X12WriterOptions { LineBreakAfterSegment = true };
            foreach (var interchange in outcome.Envelope.Interchanges)
            {
                text.Append(builder.Build(interchange, options));
            }

            return text.ToString();
        }

        if (outcome.Schema is null)
        {
            error.WriteLine("note: a 999 needs the schema layer (schemas/x12 and --level 2); none was built.");
            return null;
        }

        var ack = Ack999Builder.Build(outcome.Schema, numbers);
        if (ack is null)
        {
            error.WriteLine("note: the file holds no functional group, so there is nothing to acknowledge with a 999.");
        }

        return ack;
    }
}
