using DentalClaimsHub.Testing;

namespace DentalClaimsHub.X12.Tests.Cli;

public sealed class X12ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dch-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FromJson_OutputOfToJson_GivesBackTheSampleBytes()
    {
        var sample = Path.Combine(RepositoryPaths.Samples, "x12", "835-remittance.x12");
        var schemas = Path.Combine(RepositoryPaths.Schemas, "x12");
        var (toCode, json, _) = DchHost.Run("x12", "to-json", sample, "--schemas", schemas);
        var jsonPath = Path.Combine(_folder, "835.json");
        File.WriteAllText(jsonPath, json);

        var (fromCode, x12, _) = DchHost.Run("x12", "from-json", jsonPath);

        Assert.Equal(0, toCode);
        Assert.Contains("\"interchanges\"", json);
        Assert.Equal(0, fromCode);
        Assert.Equal(File.ReadAllText(sample), x12);
    }

    [Fact]
    public void FromJson_NotJson_ExitsTwo()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{ not json");

        var (code, _, error) = DchHost.Run("x12", "from-json", path);

        Assert.Equal(2, code);
        Assert.Contains("not X12 JSON", error);
    }

    [Fact]
    public void ToJson_NotX12_ExitsTwo()
    {
        var path = Path.Combine(_folder, "junk.x12");
        File.WriteAllText(path, "hello");

        var (code, _, _) = DchHost.Run("x12", "to-json", path);

        Assert.Equal(2, code);
    }
}
