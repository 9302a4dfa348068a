using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class ProfileErrorTests : IDisposable
{
    private readonly ProfileDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private PayerProfileError SingleError(string fileName, string yaml, Dictionary<string, string>? variables = null) =>
        directory.LoadSingleError(fileName, yaml, variables);

    [Fact]
    public void Load_YamlSyntaxError_ReportsFileAndLine()
    {
        var error = SingleError("p1.yaml", "id: p1\ndisplayName: [unclosed\ncountry: US\n");

        Assert.True(error.Line >= 2, $"line {error.Line}");
        Assert.Equal(string.Empty, error.Field);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownField_ReportsItsLineColumnAndPath()
    {
        var error = SingleError("p1.yaml", ProfileDirectory.ValidFhir("p1") + "\n  password: hunter2\n");

        Assert.Equal((9, 3, "fhir.password"), (error.Line, error.Column, error.Field));
        Assert.Equal("unknown field.", error.Message);
    }

    [Fact]
    public void Load_MissingRequiredField_NamesTheField()
    {
        var yaml = ProfileDirectory.ValidFhir("p1").Replace("country: US\n", string.Empty, StringComparison.Ordinal);

        var error = SingleError("p1.yaml", yaml);

        Assert.Equal(("country", 1), (error.Field, error.Line));
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadEnumValue_ListsTheAllowedValues()
    {
        var yaml = ProfileDirectory.ValidFhir("p1").Replace("transport: fhir-rest", "transport: carrier-pigeon", StringComparison.Ordinal);

        var error = SingleError("p1.yaml", yaml);

        Assert.Equal(("capabilities.eligibility.transport", 6), (error.Field, error.Line));
        Assert.Contains("core-realtime, core-batch, fhir-rest, email, file-drop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUrl_ReportsTheExpandedValue()
    {
        var yaml = ProfileDirectory.ValidFhir("p1").Replace("http://127.0.0.1:5090", "ftp//nowhere", StringComparison.Ordinal);

        var error = SingleError("p1.yaml", yaml);

        Assert.Equal(("fhir.baseUrl", 8, 12), (error.Field, error.Line, error.Column));
        Assert.Contains("'ftp//nowhere/fhir' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PlaceholderWithoutValueOrDefault_IsReported()
    {
        var yaml = ProfileDirectory.ValidFhir("p1").Replace(":-http://127.0.0.1:5090", string.Empty, StringComparison.Ordinal);

        var error = SingleError("p1.yaml", yaml);

        Assert.Equal(("fhir.baseUrl", 8), (error.Field, error.Line));
        Assert.Contains("${SIMULATOR_URL} has no value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecretValueInsteadOfName_IsRejected()
    {
        var yaml = ProfileDirectory.ValidFhir("p1") + "\n  auth: bearer\n  tokenSecret: s3cr3t-token\n";

        var error = SingleError("p1.yaml", yaml);

        Assert.Equal(("fhir.tokenSecret", 10), (error.Field, error.Line));
    }

    [Fact]
    public void Load_DuplicateKey_ReportsItsLine()
    {
        var error = SingleError("p1.yaml", ProfileDirectory.ValidFhir("p1") + "\ncountry: RU\n");

        Assert.Equal(9, error.Line);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }
}
