using System.CommandLine;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.Cli.X12;

/// <summary>
/// <c>dch x12 validate FILE [--ack 999|ta1] [--json] [--level 1|2] [--schemas DIR]</c>: exit 0 valid, 1 invalid, 2 unreadable.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = X12Commands.FileArgument("The X12 file to validate.");
        var ack = new Option<string?>("--ack") { Description = "Also print an acknowledgment: 999 (functional) or ta1 (interchange)." };
        ack.AcceptOnlyFromAmong("999", "ta1", "TA1");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var level = new Option<int?>("--level")
        {
            Description = "1 = envelopes only (streams any size, flat memory); 2 = also schema validation "
                + "(default, except for files over 256 MB).",
        };
        level.AcceptOnlyFromAmong("1", "2");
        var schemas = X12Commands.SchemasOption();

        var command = new Command("validate", "Validate an X12 file (SNIP levels 1-2) and optionally build its acknowledgment.")
        {
            file, ack, json, level, schemas,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = result.GetRequiredValue(file);
            if (!X12Commands.Exists(path, error))
            {
                return DchCli.Unreadable;
            }

            var registry = ChosenLevel(result.GetValue(level), path, error) >= 2
                ? SchemaLocator.TryLoad(result.GetValue(schemas), error)
                : null;
            var outcome = Run(path, registry, error);
            var ackKind = result.GetValue(ack)?.ToLowerInvariant();
            var ackText = ackKind is null ? null : AcknowledgmentText.Build(ackKind, outcome, error);
            if (result.GetValue(json))
            {
                ValidationPrinter.WriteJson(output, path.Name, outcome, ackKind, ackText);
            }
            else
            {
                ValidationPrinter.WriteText(output, path.Name, outcome);
                if (ackText is not null)
                {
                    output.WriteLine();
                    output.Write(ackText);
                }
            }

            return outcome.ExitCode;
        });
        return command;
    }

    // The schema layer builds the whole loop tree in memory; SNIP 1 streams. Huge files get SNIP 1 unless asked otherwise.
    private const long SchemaLevelSizeLimit = 256L * 1024 * 1024;

    private static int ChosenLevel(int? requested, FileInfo path, TextWriter error)
    {
        if (requested is { } level)
        {
            return level;
        }

        if (path.Length <= SchemaLevelSizeLimit)
        {
            return 2;
        }

        error.WriteLine($"note: {path.Name} is over 256 MB: running the streaming envelope checks only (use --level 2 to force schemas).");
        return 1;
    }

    public static ValidationOutcome Run(FileInfo path, X12SchemaRegistry? registry, TextWriter error)
    {
        X12EnvelopeReport envelope;
        using (var stream = path.OpenRead())
        {
            envelope = new X12EnvelopeValidator().Validate(stream);
        }

        X12ValidationReport? schema = null;
        if (registry is not null && envelope.IsReadable)
        {
            try
            {
                using var stream = path.OpenRead();
                schema = new X12Validator(registry).Validate(stream);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error.WriteLine($"warning: schema validation failed ({ex.GetType().Name}: {ex.Message}); SNIP level 1 results only.");
            }
        }

        return ValidationOutcome.Combine(envelope, schema);
    }
}
