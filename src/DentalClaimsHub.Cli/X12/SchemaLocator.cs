using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Cli.X12;

/// <summary>Finds and loads the X12 schema registry the schema layer needs.</summary>
internal static class SchemaLocator
{
    /// <summary>
    /// The registry from <paramref name="explicitFolder"/>, or from schemas/x12 above the working or program folder; null when none.
    /// </summary>
    public static X12SchemaRegistry? TryLoad(DirectoryInfo? explicitFolder, TextWriter error)
    {
        var folder = explicitFolder?.FullName
            ?? X12SchemaRegistry.FindSchemasDirectory(Environment.CurrentDirectory)
            ?? X12SchemaRegistry.FindSchemasDirectory();
        if (folder is null || !Directory.Exists(folder))
        {
            error.WriteLine("note: no schemas/x12 folder found; only envelope (SNIP level 1) checks are run.");
            return null;
        }

        try
        {
            return X12SchemaRegistry.LoadFromDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or X12SchemaException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine($"note: the schemas in {folder} could not be loaded ({ex.Message}); only SNIP level 1 checks are run.");
            return null;
        }
    }
}
