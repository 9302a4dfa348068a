using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.Mappings;
using Rosters = DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Dms.Acts;

/// <summary>The insurers' reconciliation acts in <c>samples/dms/acts</c>, read with their mappings, and the <c>acts:</c> section's checks.</summary>
public sealed class DmsActReaderTests
{
    public static readonly string SampleDirectory = Path.Combine(RepositoryPaths.Samples, "dms", "acts");

    private static readonly Lazy<DmsMappingCatalog> Catalog = new(() =>
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));
        Assert.Empty(errors);
        return catalog;
    });

    static DmsActReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("demo-med-act.xlsx")]
    [InlineData("severnaya-zashchita-act.csv")]
    public Task Read_Sample_MatchesSnapshot(string sample)
    {
        var file = ReadSample(sample);

        return Snapshot.Verify(Render(file), "txt", sample, scrub: false);
    }

    [Fact]
    public void Read_XlsxAct_ReadsNumberAmountsAndCategories()
    {
        var file = ReadSample("demo-med-act.xlsx");

        Assert.Equal("АС-2026/11-015", file.Number);
        Assert.Equal("7712345671", file.ClinicInn?.Value);
        Assert.Equal(["DMS-1001", "DMS-1001", "DMS-1002", "DMS-1003"], file.Lines.Select(l => l.Claim));
        var reduced = file.Lines[1];
        // A Cyrillic look-alike in the code is normalised.
        Assert.Equal(("A16.07.002", "36", 4500.00m, 4000.00m, 500.00m), (reduced.Code.Value, reduced.Tooth, reduced.Billed, reduced.Accepted, reduced.Refused));
        Assert.Equal((DmsRefusalCategory.PriceMismatch, "07", "Цена не по договору"), (reduced.Category, reduced.ReasonCode, reduced.ReasonText));
        Assert.True(file.Lines[0].IsAccepted);
        Assert.Null(file.Lines[0].Category);
        Assert.True(file.Lines[2].IsRefused);
        Assert.Equal((2, DmsRefusalCategory.NoGuaranteeLetter), (file.Lines[2].Quantity, file.Lines[2].Category));
        Assert.Equal((0m, 3800m, DmsRefusalCategory.NotDocumented), (file.Lines[3].Accepted, file.Lines[3].Refused, file.Lines[3].Category));
        Assert.Equal([(11, "Код услуги", "X99.1"), (12, "Снято, руб.", null)], file.Errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.Contains("do not add up to the billed 2100.00", file.Errors[1].Reason, StringComparison.Ordinal);
        // Beside the English, the code and values the console words per culture.
        Assert.Equal([DmsActReasons.ServiceCodeInvalid, DmsActReasons.AmountsDoNotAddUp], file.Errors.Select(e => e.Code));
        Assert.Empty(file.Errors[0].Args);
        Assert.Equal("2100.00", file.Errors[1].Args[2]);
    }

    [Fact]
    public void Read_CsvAct_CategorisesByTextAndReportsBadRows()
    {
        var file = ReadSample("severnaya-zashchita-act.csv");

        Assert.Equal("СЗ-АЭ-0457", file.Number);
        Assert.Null(file.ClinicInn);
        Assert.Equal(
            [null, DmsRefusalCategory.PriceMismatch, DmsRefusalCategory.NotInProgram, DmsRefusalCategory.LimitExceeded, DmsRefusalCategory.Other],
            file.Lines.Select(l => l.Category));
        Assert.Equal([1200m, 1000m, 0m, 0m, 2500m], file.Lines.Select(l => l.Accepted));
        Assert.Equal([(8, "Дата услуги"), (9, "Снято")], file.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("do not add up", file.Errors[1].Reason, StringComparison.Ordinal);
        // A date the act cannot read is a roster's "not a date", with the mapping's formats.
        Assert.Equal([Rosters.DmsRosterReasons.NotADate, DmsActReasons.AmountsDoNotAddUp], file.Errors.Select(e => e.Code));
        Assert.NotEmpty(file.Errors[0].Args);
    }

    [Fact]
    public void Read_RowErrors_NameNoPolicy()
    {
        var file = ReadSample("severnaya-zashchita-act.csv");

        Assert.All(file.Errors, e => Assert.DoesNotContain("СЗ 0045", (e.Value ?? "") + e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoHeader_Throws()
    {
        var layout = Catalog.Value.Find("severnaya-zashchita")!.Acts!;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("Случай;Снято\r\nSZ-1;100\r\n"));

        var exception = Assert.Throws<DmsActException>(() => DmsActReader.Read(content, "act.csv", layout));

        Assert.Contains("no header row", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("04", null, DmsRefusalCategory.LimitExceeded)]
    [InlineData("99", "нет ГП", DmsRefusalCategory.Other)]
    [InlineData(null, "Услуга НЕ ВХОДИТ в программу ДМС", DmsRefusalCategory.NotInProgram)]
    [InlineData("42", "что-то иное", DmsRefusalCategory.Other)]
    [InlineData(null, "полис не действует с 01.11", DmsRefusalCategory.PolicyInactive)]
    public void CategoryOf_InsurerReason_MapsToHubCategory(string? code, string? text, DmsRefusalCategory expected)
    {
        var layout = Catalog.Value.Find("demo-med")!.Acts!;

        Assert.Equal(expected, layout.CategoryOf(code, text));
    }

    [Fact]
    public void Mapping_WithoutReasonsOrColumns_ReportsEveryError()
    {
        var errors = Load("""
            insurer: X
            acts:
              formats: [csv]
              header: { cell: '^Случай$' }
              number: 'Акт № (\S+)'
              clinicInn: 'ИНН (\d+)'
              columns:
                claim: [Случай]
                billed: [Сумма]
            """);

        Assert.Contains(errors, e => e.Field.EndsWith("acts.reasons", StringComparison.Ordinal) && e.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("columns.serviceCode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("columns.accepted", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("columns.reasonCode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("acts.number", StringComparison.Ordinal) && e.Message.Contains("(?<value>", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("acts.clinicInn", StringComparison.Ordinal) && e.Message.Contains("(?<value>", StringComparison.Ordinal));
    }

    [Fact]
    public void Mapping_CodeInTwoCategoriesOrUnknownCategory_IsAnError()
    {
        var errors = Load("""
            insurer: X
            acts:
              formats: [csv]
              header: { cell: '^Случай$' }
              columns:
                claim: [Случай]
                serviceCode: [Код]
                billed: [Сумма]
                accepted: [Принято]
                reasonText: [Причина]
              reasons:
                notInProgram: { codes: ['2'] }
                limitExceeded: { codes: ['2'] }
                tooExpensive: { texts: ['дорого'] }
                other: {}
            """);

        Assert.Contains(errors, e => e.Message.Contains("already listed under notInProgram", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("reasons.tooExpensive", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.EndsWith("reasons.other", StringComparison.Ordinal) && e.Message.Contains("codes or texts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("no reasonCode column", StringComparison.Ordinal));
    }

    private static IReadOnlyList<DentalClaimsHub.Adapters.Profiles.PayerProfileError> Load(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("dch-act-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "x.yaml"), yaml);
            var (_, errors) = DmsMappingCatalog.Load(directory.FullName);
            return errors;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static DmsActFile ReadSample(string sample)
    {
        var mapping = Catalog.Value.Find(sample[..sample.LastIndexOf("-act", StringComparison.Ordinal)])!;
        using var content = File.OpenRead(Path.Combine(SampleDirectory, sample));
        return DmsActReader.Read(content, sample, mapping.Acts!);
    }

    private static string Render(DmsActFile file)
    {
        static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {file.Format}, header row {file.HeaderRow}, act № {file.Number ?? "-"}, clinic ИНН {file.ClinicInn?.Value ?? "-"}\n");
        foreach (var l in file.Lines)
        {
            text.Append(CultureInfo.InvariantCulture,
                    $"row {l.Row}: registry {l.Registry ?? "-"} claim {l.Claim} {l.Code} tooth {l.Tooth ?? "-"} ×{l.Quantity} on ")
                .Append(CultureInfo.InvariantCulture, $"{l.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}: ")
                .Append(CultureInfo.InvariantCulture, $"billed {Amount(l.Billed)} accepted {Amount(l.Accepted)} refused {Amount(l.Refused)}")
                .Append(CultureInfo.InvariantCulture, $"{(l.Category is { } c ? $" [{c}] {l.ReasonCode ?? "-"} {l.ReasonText ?? "-"}" : "")}\n");
        }

        foreach (var e in file.Errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"error row {e.Row} [{e.Column}] '{e.Value}': {e.Reason}\n");
        }

        return text.ToString();
    }
}
