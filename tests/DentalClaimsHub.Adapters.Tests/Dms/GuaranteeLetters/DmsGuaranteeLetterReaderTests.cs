using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Dms.GuaranteeLetters;

/// <summary>The insurers' answers to guarantee-letter requests in <c>samples/dms/guarantee-letters</c>, read with their mappings.</summary>
public sealed class DmsGuaranteeLetterReaderTests
{
    public static readonly string SampleDirectory = Path.Combine(RepositoryPaths.Samples, "dms", "guarantee-letters");

    private static readonly Lazy<DmsMappingCatalog> Catalog = new(() =>
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));
        Assert.Empty(errors);
        return catalog;
    });

    static DmsGuaranteeLetterReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("demo-med-answer.xlsx")]
    [InlineData("severnaya-zashchita-answer.csv")]
    public Task Read_Sample_MatchesSnapshot(string sample)
    {
        var file = ReadSample(sample);

        return Snapshot.Verify(Render(file), "txt", sample, scrub: false);
    }

    [Fact]
    public void Read_ServiceRows_GroupsThemIntoLetters()
    {
        var file = ReadSample("demo-med-answer.xlsx");

        var approved = Assert.Single(file.Letters, l => l.Request == "PA-1001");
        Assert.Equal(GuaranteeDecision.Approved, approved.Decision);
        Assert.Equal("ГП-2026/5501", approved.Number);
        Assert.Equal(new DateOnly(2027, 2, 20), approved.ValidTo);
        Assert.Equal(45_000.00m, approved.Limit);
        Assert.Equal(["B01.065.001", "A16.07.002"], approved.Services.Select(s => s.Code.Value));
        Assert.Equal([1500.00m, 4200.00m], approved.Services.Select(s => s.ApprovedAmount));

        var partly = Assert.Single(file.Letters, l => l.Request == "PA-1002");
        Assert.Equal(GuaranteeDecision.PartlyApproved, partly.Decision);
        Assert.Equal([true, false], partly.Services.Select(s => s.Approved));
        Assert.Equal(9800.50m, partly.Services[0].ApprovedAmount);
        Assert.Equal(20_000m, partly.Limit);

        Assert.Equal(GuaranteeDecision.NeedsInformation, Assert.Single(file.Letters, l => l.Request == "PA-1003").Decision);
        Assert.Equal(GuaranteeDecision.Annulled, Assert.Single(file.Letters, l => l.Request == "PA-1004").Decision);
    }

    [Fact]
    public void Read_BadRow_ReportsItAndHoldsItsLetterBack()
    {
        var file = ReadSample("demo-med-answer.xlsx");

        Assert.DoesNotContain(file.Letters, l => l.Request == "PA-1005");
        var error = Assert.Single(file.Errors);
        Assert.Equal("Действует по", error.Column);
        Assert.Equal("31.13.2026", error.Value);
        Assert.StartsWith("not a date", error.Reason, StringComparison.Ordinal);
        // The roster's code for the same reason, with the mapping's formats, for the console to word per culture.
        Assert.Equal(DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons.NotADate, error.Code);
        Assert.NotEmpty(error.Args);
        Assert.Equal(11, error.Row);
    }

    [Fact]
    public void Read_OneRowPerLetter_ReadsDecisionsWithoutServices()
    {
        var file = ReadSample("severnaya-zashchita-answer.csv");

        Assert.Equal(["PA-2001", "PA-2002", "PA-2003", "PA-2005"], file.Letters.Select(l => l.Request));
        Assert.All(file.Letters, l => Assert.Empty(l.Services));
        Assert.Equal(12_500.00m, file.Letters[0].Limit);
        Assert.Equal(7000.5m, file.Letters[3].Limit);
        Assert.Equal(GuaranteeDecision.Refused, file.Letters[1].Decision);
        Assert.Equal(GuaranteeDecision.NeedsInformation, file.Letters[2].Decision);
        var unknown = Assert.Single(file.Errors);
        Assert.Equal(("Статус", "на рассмотрении", 8), (unknown.Column, unknown.Value, unknown.Row));
        Assert.Equal((DmsGuaranteeLetterReasons.StatusUnknown, "the status is not one this insurer's mapping knows."), (unknown.Code, unknown.Reason));
    }

    [Fact]
    public void Read_NoHeader_Throws()
    {
        var layout = Catalog.Value.Find("severnaya-zashchita")!.GuaranteeLetters!;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("Номер;Статус\r\nPA-1;отказ\r\n"));

        var exception = Assert.Throws<DmsGuaranteeLetterException>(() => DmsGuaranteeLetterReader.Read(content, "answer.csv", layout));

        Assert.Contains("no header row", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("частично согласовано", GuaranteeDecision.PartlyApproved)]
    [InlineData("Согласовано", GuaranteeDecision.Approved)]
    [InlineData("ГАРАНТИЯ ОПЛАТЫ", GuaranteeDecision.Approved)]
    [InlineData("Отказ, услуга вне программы", GuaranteeDecision.Refused)]
    [InlineData("не согласовано", GuaranteeDecision.Refused)]
    [InlineData("Аннулирование", GuaranteeDecision.Annulled)]
    [InlineData("запрос документов", GuaranteeDecision.NeedsInformation)]
    [InlineData("отказано", null)]
    public void DecisionOf_StatusText_MapsPerInsurer(string status, GuaranteeDecision? expected)
    {
        var layout = Catalog.Value.Find("demo-med")!.GuaranteeLetters!;

        Assert.Equal(expected, layout.DecisionOf(status));
    }

    [Theory]
    [InlineData("15 000,50", "15000.50")]
    [InlineData("15\u00A0000,5 руб.", "15000.5")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("0", "0")]
    [InlineData("-5", null)]
    [InlineData("12,345", null)]
    [InlineData("пять", null)]
    public void ParseMoney_InsurerAmounts_AreDecimal(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), DmsGuaranteeLetterReader.ParseMoney(text));
    }

    [Fact]
    public void Mapping_WithoutStatuses_IsAnError()
    {
        var directory = Directory.CreateTempSubdirectory("dch-gl-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "x.yaml"), """
                insurer: X
                guaranteeLetters:
                  formats: [csv]
                  header: { cell: '^Заявка$' }
                  columns:
                    request: [Заявка]
                """);

            var (_, errors) = DmsMappingCatalog.Load(directory.FullName);

            Assert.Contains(errors, e => e.Message.Contains("required", StringComparison.Ordinal) && e.Field.Contains("statuses", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Field.Contains("columns.status", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static DmsGuaranteeLetterFile ReadSample(string sample)
    {
        var mapping = Catalog.Value.Find(sample[..sample.LastIndexOf("-answer", StringComparison.Ordinal)])!;
        using var content = File.OpenRead(Path.Combine(SampleDirectory, sample));
        return DmsGuaranteeLetterReader.Read(content, sample, mapping.GuaranteeLetters!);
    }

    private static string Render(DmsGuaranteeLetterFile file)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {file.Format}, header row {file.HeaderRow}\n");
        foreach (var l in file.Letters)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"row {l.Row}: {l.Request} {l.Decision} № {l.Number ?? "-"} of {l.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, ")
                .Append(CultureInfo.InvariantCulture,
                    $"valid {l.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}..{l.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, ")
                .Append(CultureInfo.InvariantCulture, $"limit {l.Limit?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"}, note {l.Note ?? "-"}\n");
            foreach (var s in l.Services)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  row {s.Row}: {s.Code} {(s.Approved ? "approved" : "refused")} {s.ApprovedAmount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"} {s.Note ?? "-"}\n");
            }
        }

        foreach (var e in file.Errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"error row {e.Row} [{e.Column}] '{e.Value}': {e.Reason}\n");
        }

        return text.ToString();
    }
}
