using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Tests.Samples;

/// <summary>Locates the repository's X12 samples and schemas for tests.</summary>
public static class SampleFiles
{
    private static readonly Lazy<X12SchemaRegistry> LazyRegistry = new(X12SchemaRegistry.LoadDefault);

    /// <summary>The schema registry loaded from <c>schemas/x12</c>.</summary>
    public static X12SchemaRegistry Registry => LazyRegistry.Value;

    /// <summary>The <c>samples/x12</c> folder.</summary>
    public static string Directory
    {
        get
        {
            var schemas = X12SchemaRegistry.FindSchemasDirectory() ?? throw new DirectoryNotFoundException("schemas/x12");
            return Path.GetFullPath(Path.Combine(schemas, "..", "..", "samples", "x12"));
        }
    }

    /// <summary>File names of the valid samples.</summary>
    public static TheoryData<string> Valid() => NamesData(Directory);

    /// <summary>File names of the invalid samples (relative, under <c>invalid/</c>).</summary>
    public static TheoryData<string> Invalid() => NamesData(Path.Combine(Directory, "invalid"), "invalid/");

    /// <summary>Relative names of every sample, valid ones first.</summary>
    public static IEnumerable<string> AllNames() =>
        Names(Directory).Concat(Names(Path.Combine(Directory, "invalid"), "invalid/")).Select(row => (string)row[0]);

    /// <summary>Reads a sample by its relative name.</summary>
    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static IEnumerable<object[]> Names(string directory, string prefix = "") => NamesData(directory, prefix);

    private static TheoryData<string> NamesData(string directory, string prefix = "")
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.x12").Order(StringComparer.Ordinal))
            data.Add(prefix + Path.GetFileName(file));
        return data;
    }
}
