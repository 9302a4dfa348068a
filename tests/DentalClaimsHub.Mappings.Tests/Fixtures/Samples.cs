using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Mappings.Tests.Fixtures;

/// <summary>Finds the repository's samples and schemas from the test output folder.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DentalClaimsHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DentalClaimsHub.sln was not found above the test folder.");
    });

    private static readonly Lazy<X12SchemaRegistry> Registry =
        new(() => X12SchemaRegistry.LoadFromDirectory(Path.Combine(Root.Value, "schemas", "x12")));

    public static X12SchemaRegistry Schemas => Registry.Value;

    public static string X12(string name) => Path.Combine(Root.Value, "samples", "x12", "eligibility", name);

    /// <summary>A file under <c>samples/x12</c> by its relative path ("835-remittance.x12", "remittances/…").</summary>
    public static string X12File(string relative) => Path.Combine(Root.Value, "samples", "x12", relative);

    public static string Fhir(string name) => Path.Combine(Root.Value, "samples", "fhir", "eligibility", name);
}
