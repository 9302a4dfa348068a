using System.Text.Json;

namespace DentalClaimsHub.X12.Schemas;

/// <summary>Reads one schema file (format <c>dch-x12-schema/1</c>, described in <c>schemas/x12/README.md</c>).</summary>
public static class X12SchemaLoader
{
    /// <summary>The format tag every schema file carries.</summary>
    public const string Format = "dch-x12-schema/1";

    /// <summary>Loads a schema from JSON text.</summary>
    /// <exception cref="X12SchemaException">The file is not a valid schema (a bug in the data, not in the input).</exception>
    public static X12TransactionSchema Load(string json, string source = "<memory>")
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
                throw new X12SchemaException($"{source}: format '{format}' is not '{Format}'.");

            var segments = new Dictionary<string, X12SegmentSchema>(StringComparer.Ordinal);
            foreach (var property in root.GetProperty("segments").EnumerateObject())
                segments[property.Name] = X12SchemaElementReader.ReadSegment(property.Name, property.Value);

            var structure = root.GetProperty("structure");
            var rootLoop = X12SchemaStructureReader.ReadLoop(structure, segments, isRoot: true);
            return new X12TransactionSchema
            {
                TransactionSet = root.GetProperty("transactionSet").GetString()!,
                Guide = root.GetProperty("guide").GetString()!,
                FunctionalGroup = root.GetProperty("functionalGroup").GetString()!,
                Name = root.GetProperty("name").GetString()!,
                Root = rootLoop,
                Segments = segments,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new X12SchemaException($"{source}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads a schema file from disk.</summary>
    public static X12TransactionSchema LoadFile(string path) => Load(File.ReadAllText(path), Path.GetFileName(path));
}
