using System.Text.Json;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Dms.Reference;

/// <summary>The committed <c>schemas/dms</c> files, read as raw JSON too so a rule the loader might miss still fails here.</summary>
public sealed class DmsReferenceFilesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Schemas, "dms");

    public static TheoryData<string> Files => new(DmsReference.FileNames);

    [Fact]
    public void LoadDefault_FromTheTestOutputFolder_FindsAndLoadsTheRepositoryFiles()
    {
        Assert.Equal(Path.GetFullPath(Folder), Path.GetFullPath(DmsReference.FindDirectory()!));

        var reference = DmsReference.LoadDefault();

        Assert.Equal(Entries(DmsReference.NomenclatureFileName).Count, reference.ServiceCount);
        Assert.Equal(Entries(DmsReference.DiagnosisFileName).Count, reference.DiagnosisCount);
    }

    [Fact]
    public void FindDirectory_FolderWithoutSchemas_IsNull() =>
        Assert.Null(DmsReference.FindDirectory(Path.GetPathRoot(Path.GetTempPath())));

    [Fact]
    public void Folder_HoldsExactlyTheKnownFiles()
    {
        var json = Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(DmsReference.FileNames.Order(StringComparer.Ordinal), json);
    }

    [Theory]
    [InlineData("A16.07.002")]
    [InlineData("A16.07.002.009")]
    [InlineData("A16.07.030.001")]
    [InlineData("A16.07.008.002")]
    [InlineData("A16.07.009")]
    [InlineData("A16.07.001.002")]
    [InlineData("A06.07.003")]
    [InlineData("B01.065.001")]
    [InlineData("B01.066.001")]
    [InlineData("B01.067.001")]
    [InlineData("B01.003.004.002")]
    public void Nomenclature_HoldsTheCodesDomainNames(string code)
    {
        var name = DmsReference.LoadDefault().ServiceName(NomenclatureCode.Parse(code));

        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Theory]
    [InlineData("K02.1")]
    [InlineData("K04.0")]
    [InlineData("K04.5")]
    [InlineData("K05.3")]
    [InlineData("K08.1")]
    public void Diagnoses_HoldTheCodesDomainNamesAsBillable(string code)
    {
        var reference = DmsReference.LoadDefault();
        var diagnosis = Icd10Code.Parse(code);

        Assert.False(string.IsNullOrWhiteSpace(reference.DiagnosisName(diagnosis)));
        Assert.True(reference.IsBillableDiagnosis(diagnosis));
    }

    [Fact]
    public void Nomenclature_CoversTheDentalClassesAndVisits()
    {
        var codes = Entries(DmsReference.NomenclatureFileName).Select(e => e.Code).ToList();

        Assert.True(codes.Count >= 150, $"{codes.Count} services");
        string[] prefixes =
        [
            "A02.07.", "A03.07.", "A05.07.", "A06.07.", "A11.07.", "A12.07.", "A15.07.", "A16.07.", "A17.07.", "A22.07.",
            "B01.003.004.", "B01.063.", "B01.064.", "B01.065.", "B01.066.", "B01.067.", "B04.064.", "B04.065.",
        ];
        Assert.All(prefixes, prefix => Assert.Contains(codes, c => c.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Diagnoses_HoldEveryCategoryOfTheBlockAsNotBillable()
    {
        var entries = Entries(DmsReference.DiagnosisFileName);
        var categories = entries.Where(e => e.Code.Length == 3).ToList();

        Assert.Equal(Enumerable.Range(0, 15).Select(n => $"K{n:00}"), categories.Select(e => e.Code));
        Assert.All(categories, c => Assert.False(c.Billable));
        Assert.All(entries.Where(e => e.Code.Length > 3), e => Assert.True(e.Billable));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_EntriesAreSortedCanonicalAndNamed(string file)
    {
        var entries = Entries(file);
        var codes = entries.Select(e => e.Code).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal).Distinct(StringComparer.Ordinal), codes);
        Assert.All(codes, code => Assert.Matches(@"^[A-Z][0-9A-Z.]+$", code));
        Assert.All(entries, e => Assert.True(e.Name.Length > 0 && e.Name == e.Name.Trim() && StartsLikeAName(e.Name), e.Code));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_IsFormattedLikeTheOtherSchemas(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"codeSet\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_UseCyrillicOnlyWhereTheyAreRussian()
    {
        // A Latin look-alike inside a Russian word ("пломбoй" with Latin o) would slip past a reader and break text search.
        var mixed = DmsReference.FileNames.SelectMany(Entries)
            .Where(e => e.Name.Split(' ', '(', ')', ',', '/', '-', '[', ']', '«', '»')
                .Any(word => word.Any(IsCyrillic) && word.Any(char.IsAsciiLetter)))
            .Select(e => e.Code);

        Assert.Empty(mixed);
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    // «Географический» язык is the one name that opens with a quotation mark.
    private static bool StartsLikeAName(string name) => char.IsUpper(name[0]) || name[0] == '«';

    private static List<Entry> Entries(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return
        [
            .. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => new Entry(
                e.GetProperty("code").GetString()!,
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("billable", out var billable) && billable.GetBoolean())),
        ];
    }

    private sealed record Entry(string Code, string Name, bool Billable);
}
