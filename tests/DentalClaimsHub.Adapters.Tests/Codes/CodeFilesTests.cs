using System.Text.Json;
using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Codes;

/// <summary>The committed <c>schemas/codes</c> files, read as raw JSON so a rule the loader might miss still fails here.</summary>
public sealed partial class CodeFilesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Schemas, "codes");

    public static TheoryData<string> Files => new(X12CodeDescriptions.FileNames);

    [Fact]
    public void Constructor_RepositoryFolder_LoadsEveryFile()
    {
        var codes = new X12CodeDescriptions(Folder);

        Assert.NotNull(codes.Carc("45"));
        Assert.NotNull(codes.Rarc("N130"));
        Assert.NotNull(codes.StatusCategory("A7"));
        Assert.NotNull(codes.Status("562"));
        Assert.NotNull(codes.Entity("85"));
    }

    [Fact]
    public void Folder_HoldsExactlyTheKnownFiles()
    {
        var json = Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(X12CodeDescriptions.FileNames.Order(StringComparer.Ordinal), json);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_CodeSetMatchesFileName(string file)
    {
        using var document = Read(file);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), document.RootElement.GetProperty("codeSet").GetString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_HasNoDuplicateCodes(string file)
    {
        var duplicates = Entries(file).GroupBy(e => e.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_DescriptionsAreShortTrimmedLinesWithoutFullStop(string file)
    {
        var bad = Entries(file)
            .Where(e => string.IsNullOrWhiteSpace(e.Description) || e.Description != e.Description.Trim()
                || e.Description.Length > 120 || e.Description.EndsWith('.') || !char.IsUpper(e.Description[0]))
            .Select(e => e.Code);

        Assert.Empty(bad);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_EntriesAreSortedWithNumbersComparedAsNumbers(string file)
    {
        var codes = Entries(file).Select(e => e.Code).ToList();

        Assert.Equal(codes.Order(NaturalOrder.Instance), codes);
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

    [Theory]
    [InlineData("carc.json", 90)]
    [InlineData("rarc.json", 60)]
    [InlineData("claim-status.json", 120)]
    [InlineData("entity-identifier.json", 40)]
    public void File_CoversAtLeast(string file, int minimum) => Assert.True(Entries(file).Count >= minimum, $"{file} has {Entries(file).Count} entries");

    [Fact]
    public void Carc_HoldsTheCodesDentalPracticesMeet()
    {
        string[] expected =
        [
            "1", "2", "3", "4", "5", "6", "16", "18", "22", "23", "24", "26", "27", "29", "31", "35", "39", "45", "49", "50", "51",
            "54", "55", "58", "59", "96", "97", "107", "109", "119", "129", "131", "133", "136", "146", "149", "150", "151", "167",
            "169", "170", "172", "181", "182", "185", "187", "197", "198", "200", "204", "222", "226", "227", "234", "236", "242",
            "252", "253", "256", "273", "286", "B1", "B7", "B9", "B13", "B14", "B15", "B16", "B20", "B22",
        ];

        Assert.Empty(expected.Except(Entries("carc.json").Select(e => e.Code)));
    }

    [Fact]
    public void Rarc_HoldsTheCodesDentalPracticesMeet()
    {
        string[] expected =
        [
            "N4", "N19", "N20", "N30", "N37", "N39", "N56", "N75", "N115", "N130", "N362", "N381", "N432", "N435", "N657", "M15",
            "M51", "M80", "M86", "MA01", "MA04", "MA130",
        ];

        Assert.Empty(expected.Except(Entries("rarc.json").Select(e => e.Code)));
    }

    [Fact]
    public void ClaimStatus_HoldsTheCodesDentalPracticesMeet()
    {
        string[] expected =
        [
            "0", "1", "3", "16", "20", "21", "22", "23", "24", "29", "33", "35", "45", "52", "53", "54", "96", "116", "117", "154",
            "187", "188", "494", "562", "640",
        ];

        Assert.Empty(expected.Except(Entries("claim-status.json").Select(e => e.Code)));
    }

    [Fact]
    public void EntityIdentifier_HoldsTheEntitiesStatusCodesName()
    {
        string[] expected = ["40", "41", "85", "87", "PR", "QC", "IL", "82", "77", "1P", "FA", "AY", "DN", "DK", "PRP", "SEP"];

        Assert.Empty(expected.Except(Entries("entity-identifier.json").Select(e => e.Code)));
    }

    [Fact]
    public void ClaimStatusCategory_EveryCategoryOfCodeSource507IsPresentWithItsKind()
    {
        // Code source 507 as maintained today: R2 was never issued; X0 and F5 are retired.
        var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var code in new[] { "A0", "A1", "A2", "A5" })
            expected[code] = "acknowledgement";
        foreach (var code in new[] { "A3", "A4", "A6", "A7", "A8" })
            expected[code] = "rejected";
        foreach (var code in new[] { "P0", "P1", "P2", "P3", "P4", "P5" })
            expected[code] = "pending";
        foreach (var code in new[] { "F0", "F1", "F2", "F3", "F3F", "F3N", "F4" })
            expected[code] = "finalized";
        foreach (var code in new[] { "R0", "R1" }.Concat(Enumerable.Range(3, 14).Select(n => $"R{n}")))
            expected[code] = "request";
        foreach (var code in new[] { "E0", "E1", "E2", "E3", "E4" })
            expected[code] = "error";
        expected["D0"] = "data-search";

        var actual = Entries("claim-status-category.json").ToDictionary(e => e.Code, e => e.Kind, StringComparer.Ordinal);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), actual.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("carc.json")]
    [InlineData("rarc.json")]
    [InlineData("claim-status.json")]
    [InlineData("entity-identifier.json")]
    public void File_OnlyTheCategoryFileCarriesKind(string file) => Assert.All(Entries(file), e => Assert.Null(e.Kind));

    [Fact]
    public void Descriptions_NameNoCdtDescriptor()
    {
        // ADA descriptors stay out of the hub: a description may say "CDT code" but never quote a D-code with its text.
        var withDCodes = X12CodeDescriptions.FileNames.SelectMany(Entries).Where(e => DCode().IsMatch(e.Description)).Select(e => e.Code);

        Assert.Empty(withDCodes);
    }

    private static JsonDocument Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));

    private static List<Entry> Entries(string file)
    {
        using var document = Read(file);
        return
        [
            .. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => new Entry(
                e.GetProperty("code").GetString()!,
                e.GetProperty("description").GetString()!,
                e.TryGetProperty("kind", out var kind) ? kind.GetString() : null)),
        ];
    }

    [GeneratedRegex(@"\bD\d{4}\b")]
    private static partial Regex DCode();

    private sealed record Entry(string Code, string Description, string? Kind);
}
