using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Codes;

/// <summary>The loader refuses files that break the rules, naming the file and the code, instead of serving half a list.</summary>
public sealed class X12CodeDescriptionsLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dch-codes-").FullName;

    public X12CodeDescriptionsLoadingTests()
    {
        foreach (var file in X12CodeDescriptions.FileNames)
            File.Copy(Path.Combine(RepositoryPaths.Schemas, "codes", file), Path.Combine(_folder, file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Constructor_CopyOfRepositoryFiles_Loads() => Assert.NotNull(new X12CodeDescriptions(_folder).Carc("45"));

    [Fact]
    public void Constructor_MissingFile_Throws()
    {
        File.Delete(Path.Combine(_folder, "rarc.json"));

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains("rarc.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateCode_ThrowsNamingIt()
    {
        Write("carc.json", """{ "codeSet": "carc", "entries": [ { "code": "45", "description": "A" }, { "code": "45", "description": "B" } ] }""");

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains("carc.json: entries[1] (45): duplicate code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "code": "45", "description": "" }""", "description is empty")]
    [InlineData("""{ "code": "45", "description": " padded" }""", "one trimmed line")]
    [InlineData("""{ "code": "45", "description": "two\nlines" }""", "one trimmed line")]
    [InlineData("""{ "code": "4-5", "description": "A" }""", "code must be")]
    [InlineData("""{ "code": "45", "description": "A", "kind": "pending" }""", "kind belongs to claim-status-category.json only")]
    [InlineData("""{ "code": "45", "description": "A", "note": "x" }""", "not a valid code set file")]
    public void Constructor_BadEntry_ThrowsSayingWhy(string entry, string reason)
    {
        Write("carc.json", $$"""{ "codeSet": "carc", "entries": [ {{entry}} ] }""");

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DescriptionLongerThan120Characters_Throws()
    {
        Write("carc.json", $$"""{ "codeSet": "carc", "entries": [ { "code": "45", "description": "{{new string('a', 121)}}" } ] }""");

        Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
    }

    [Theory]
    [InlineData("""{ "code": "A7", "description": "Rejected" }""")]
    [InlineData("""{ "code": "A7", "description": "Rejected", "kind": "bounced" }""")]
    public void Constructor_CategoryWithoutKnownKind_Throws(string entry)
    {
        Write("claim-status-category.json", $$"""{ "codeSet": "claim-status-category", "entries": [ {{entry}} ] }""");

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains("claim-status-category.json: entries[0] (A7): kind must be one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongCodeSetName_Throws()
    {
        Write("rarc.json", """{ "codeSet": "carc", "entries": [ { "code": "N1", "description": "A" } ] }""");

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains("rarc.json: codeSet must be \"rarc\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoEntries_Throws()
    {
        Write("entity-identifier.json", """{ "codeSet": "entity-identifier", "entries": [] }""");

        Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
    }

    [Fact]
    public void Constructor_NotJson_Throws()
    {
        Write("claim-status.json", "codeSet: claim-status");

        var error = Assert.Throws<InvalidDataException>(() => new X12CodeDescriptions(_folder));
        Assert.Contains("claim-status.json", error.Message, StringComparison.Ordinal);
    }

    private void Write(string file, string json) => File.WriteAllText(Path.Combine(_folder, file), json);
}
