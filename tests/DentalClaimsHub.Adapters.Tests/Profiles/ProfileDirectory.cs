using System.Text;
using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

/// <summary>A temporary mappings/payers folder that tests fill with (often broken) YAML files.</summary>
internal sealed class ProfileDirectory : IDisposable
{
    public ProfileDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dch-profiles-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="yaml"/> (LF line endings, UTF-8) and returns the file's full path.</summary>
    public string Write(string fileName, string yaml)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, yaml.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return file;
    }

    /// <summary>Writes one file, loads the folder and asserts exactly one error, in that file, and no profile.</summary>
    public PayerProfileError LoadSingleError(string fileName, string yaml, Dictionary<string, string>? variables = null)
    {
        var file = Write(fileName, yaml);
        var result = PayerProfileCatalog.Load(Path, variables ?? []);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file, error.File);
        Assert.Empty(result.Profiles);
        return error;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>A valid FHIR profile used as the base that error tests break in one place.</summary>
    public static string ValidFhir(string id) => $"""
        id: {id}
        displayName: Test FHIR payer
        country: US
        kind: fhir
        capabilities:
          eligibility: {"{"} protocol: fhir, transport: fhir-rest {"}"}
        fhir:
          baseUrl: ${"{"}SIMULATOR_URL:-http://127.0.0.1:5090{"}"}/fhir
        """;
}
