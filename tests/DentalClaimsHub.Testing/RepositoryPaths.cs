namespace DentalClaimsHub.Testing;

/// <summary>Finds folders of the repository (mappings, schemas, samples) from a test's output directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Mappings => Path.Combine(Root, "mappings");

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The hub API's DLL in the build output of the tests' own configuration (Debug or Release).</summary>
    public static string HubApiDll =>
        Path.Combine(Root, "src", "DentalClaimsHub.Api", "bin", BuildConfiguration, "net10.0", "DentalClaimsHub.Api.dll");

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DentalClaimsHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DentalClaimsHub.sln not found above {AppContext.BaseDirectory}.");
    }
}
