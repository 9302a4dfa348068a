using System.CommandLine;
using System.Text.Json;
using DentalClaimsHub.X12.Json;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Cli.X12;

/// <summary><c>dch x12 to-json FILE</c> and <c>dch x12 from-json FILE</c>, built on the schema layer's JSON converter.</summary>
internal static class ConvertCommands
{
    public static Command CreateToJson()
    {
        var file = X12Commands.FileArgument("The X12 file to convert.");
        var schemas = X12Commands.SchemasOption();
        var command = new Command("to-json", "Convert an X12 file to JSON (loops named by the schemas when available).") { file, schemas };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var path = result.GetRequiredValue(file);
            if (!X12Commands.Exists(path, error))
            {
                return DchCli.Unreadable;
            }

            var registry = SchemaLocator.TryLoad(result.GetValue(schemas), error) ?? new X12SchemaRegistry([]);
            X12Document document;
            using (var stream = path.OpenRead())
            {
                document = new X12Parser(registry).Parse(stream);
            }

            if (document.Interchanges.Count == 0)
            {
                foreach (var issue in document.Issues)
                {
                    error.WriteLine($"error: {issue.Message}");
                }

                return DchCli.Unreadable;
            }

            result.InvocationConfiguration.Output.WriteLine(X12JsonWriter.ToJsonString(document));
            return DchCli.Valid;
        });
        return command;
    }

    public static Command CreateFromJson()
    {
        var file = X12Commands.FileArgument("The JSON file (as written by to-json) to turn back into X12.");
        var noBreaks = new Option<bool>("--no-line-breaks") { Description = "Do not add a line break after each segment terminator." };
        var command = new Command("from-json", "Convert JSON written by to-json back into X12.") { file, noBreaks };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var path = result.GetRequiredValue(file);
            if (!X12Commands.Exists(path, error))
            {
                return DchCli.Unreadable;
            }

            try
            {
                var x12 = X12JsonReader.ToX12(File.ReadAllText(path.FullName), lineBreaks: !result.GetValue(noBreaks));
                result.InvocationConfiguration.Output.Write(x12);
                return DchCli.Valid;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                error.WriteLine($"error: {path.Name} is not X12 JSON as written by 'dch x12 to-json': {ex.Message}");
                return DchCli.Unreadable;
            }
        });
        return command;
    }
}
