using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Dms.Reference;

/// <summary>The loader refuses a broken reference file, naming the file and the entry, instead of serving half a list.</summary>
public sealed class DmsReferenceLoadingTests : IDisposable
{
    private const string Services = DmsReference.NomenclatureFileName;
    private const string Diagnoses = DmsReference.DiagnosisFileName;

    private readonly string _folder = Directory.CreateTempSubdirectory("dch-dms-reference-").FullName;

    public DmsReferenceLoadingTests()
    {
        foreach (var file in DmsReference.FileNames)
            File.Copy(Path.Combine(RepositoryPaths.Schemas, "dms", file), Path.Combine(_folder, file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Constructor_CopyOfRepositoryFiles_Loads() =>
        Assert.Equal("Пульпит", new DmsReference(_folder).DiagnosisName(Domain.Values.Icd10Code.Parse("K04.0")));

    [Theory]
    [InlineData(Services)]
    [InlineData(Diagnoses)]
    public void Constructor_MissingFile_ThrowsNamingIt(string file)
    {
        File.Delete(Path.Combine(_folder, file));

        Assert.Contains(file, Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateService_ThrowsNamingTheEntry()
    {
        WriteServices("""{ "code": "A16.07.002", "name": "Пломба" }""", """{ "code": "A16.07.002", "name": "Снова" }""");

        Assert.Contains($"{Services}: entries[1] (A16.07.002): duplicate code", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnsortedServices_ThrowsNamingTheEntry()
    {
        WriteServices("""{ "code": "B01.065.001", "name": "Прием" }""", """{ "code": "A16.07.002", "name": "Пломба" }""");

        Assert.Contains(
            $"{Services}: entries[1] (A16.07.002): out of order, must come before B01.065.001", Refusal(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "code": "A16.07.2", "name": "Пломба" }""", "entries[0]: code 'A16.07.2' is not a well-formed code")]
    [InlineData("""{ "name": "Пломба" }""", "entries[0]: code '' is not a well-formed code")]
    [InlineData("""{ "code": "А16.07.002", "name": "Пломба" }""", "entries[0] (А16.07.002): code must be written as A16.07.002")]
    [InlineData("""{ "code": "A16.07.002 ", "name": "Пломба" }""", "code must be written as A16.07.002")]
    [InlineData("""{ "code": "A16.07.002" }""", "entries[0] (A16.07.002): name is missing")]
    [InlineData("""{ "code": "A16.07.002", "name": "  " }""", "entries[0] (A16.07.002): name is missing")]
    [InlineData("""{ "code": "A16.07.002", "name": " Пломба" }""", "name must be one trimmed line")]
    [InlineData("""{ "code": "A16.07.002", "name": "Пломба\nвторая строка" }""", "name must be one trimmed line")]
    [InlineData("""{ "code": "A16.07.002", "name": "Пломба", "billable": true }""", "billable belongs to the diagnosis list only")]
    [InlineData("""{ "code": "A16.07.002", "name": "Пломба", "price": 1 }""", "not a valid reference file")]
    [InlineData("null", "entries[0]: must be an object")]
    public void Constructor_BadService_ThrowsSayingWhy(string entry, string reason)
    {
        WriteServices(entry);

        var message = Refusal();
        Assert.Contains(Services, message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "code": "K02", "name": "Кариес", "billable": true }, { "code": "K02.1", "name": "Дентин", "billable": true }""",
        "entries[0] (K02): billable must be false, the list holds its subcategories")]
    [InlineData("""{ "code": "K02", "name": "Кариес зубов", "billable": false }""", "entries[0] (K02): billable must be true")]
    [InlineData("""{ "code": "K02.1", "name": "Кариес дентина", "billable": true }""", "entries[0] (K02.1): its category K02 is missing")]
    [InlineData("""{ "code": "K02", "name": "Кариес зубов" }""", "entries[0] (K02): billable is missing")]
    [InlineData("""{ "code": "K15", "name": "Не наш блок", "billable": true }""", "entries[0] (K15): code is outside the block K00–K14")]
    [InlineData("""{ "code": "J02", "name": "Не наш блок", "billable": true }""", "entries[0] (J02): code is outside the block K00–K14")]
    [InlineData("""{ "code": "К02", "name": "Кариес зубов", "billable": true }""", "entries[0] (К02): code must be written as K02")]
    [InlineData("""{ "code": "K02", "name": "", "billable": true }""", "entries[0] (K02): name is missing")]
    public void Constructor_BadDiagnosis_ThrowsSayingWhy(string entries, string reason)
    {
        Write(Diagnoses, $$"""{ "codeSet": "icd10-k00-k14", "source": "МКБ-10", "entries": [ {{entries}} ] }""");

        var message = Refusal();
        Assert.Contains(Diagnoses, message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnsortedDiagnoses_Throws()
    {
        Write(Diagnoses, """
            { "codeSet": "icd10-k00-k14", "source": "МКБ-10", "entries": [
              { "code": "K04", "name": "Болезни пульпы", "billable": true }, { "code": "K02", "name": "Кариес зубов", "billable": true } ] }
            """);

        Assert.Contains($"{Diagnoses}: entries[1] (K02): out of order, must come before K04", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongCodeSet_Throws()
    {
        Write(Services, """{ "codeSet": "icd10-k00-k14", "source": "804н", "entries": [ { "code": "A16.07.002", "name": "Пломба" } ] }""");

        Assert.Contains($"{Services}: codeSet must be \"804n-dental\"", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoSource_Throws()
    {
        Write(Services, """{ "codeSet": "804n-dental", "entries": [ { "code": "A16.07.002", "name": "Пломба" } ] }""");

        Assert.Contains($"{Services}: source must name where the list comes from", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoEntries_Throws()
    {
        WriteServices();

        Assert.Contains($"{Services}: entries must not be empty", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotJson_Throws()
    {
        Write(Diagnoses, "codeSet: icd10-k00-k14");

        Assert.Contains($"{Diagnoses}: not a valid reference file", Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SeveralProblems_ListsEveryOne()
    {
        WriteServices("""{ "code": "A16.07.002", "name": "" }""", """{ "code": "A16.07.001", "name": "Зуб" }""", """{ "code": "x" }""");

        var message = Refusal();
        Assert.Contains("entries[0] (A16.07.002): name is missing", message, StringComparison.Ordinal);
        Assert.Contains("entries[1] (A16.07.001): out of order", message, StringComparison.Ordinal);
        Assert.Contains("entries[2]: code 'x' is not a well-formed code", message, StringComparison.Ordinal);
    }

    private string Refusal() => Assert.Throws<InvalidDataException>(() => new DmsReference(_folder)).Message;

    private void WriteServices(params string[] entries) =>
        Write(Services, $$"""{ "codeSet": "804n-dental", "source": "804н", "entries": [ {{string.Join(", ", entries)}} ] }""");

    private void Write(string file, string json) => File.WriteAllText(Path.Combine(_folder, file), json);
}
