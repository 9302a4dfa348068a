using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Testing.Snapshots;
using MiniExcelLibs;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

public sealed class DmsFileExcelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Dms", "Files", "Fixtures", name);

    [Fact]
    public void ReadRows_MiniExcelXlsx_CellsAsText()
    {
        var bytes = Xlsx(
            new object?[] { "Прикрепление 01.02.2026" },
            new object?[] { null },
            new object?[] { "№ полиса", "ФИО", "Дата рождения", "Начало", "Франшиза", "Телефон", "Работает" },
            new object?[] { "0012345", "Тестова Анна Петровна", new DateTime(1985, 3, 14), new DateTime(2026, 2, 1, 10, 30, 0), 45.5m,
                79161234567L, true },
            new object?[] { "0012346", " Примеров Иван\u00A0", new DateTime(1990, 12, 1), null, 0.1 + 0.2, 1234567890, false });

        var rows = DmsRows.Read(bytes, DmsFile.Detect(bytes, "список.xlsx"));

        Assert.Equal(
            "1: Прикрепление 01.02.2026 |\n" +
            "2:\n" +
            "3: № полиса | ФИО | Дата рождения | Начало | Франшиза | Телефон | Работает |\n" +
            "4: 0012345 | Тестова Анна Петровна | 14.03.1985 | 01.02.2026 10:30:00 | 45.5 | 79161234567 | true |\n" +
            "5: 0012346 | Примеров Иван | 01.12.1990 | · | 0.3 | 1234567890 | false |\n",
            DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_XlsxWithMissingRows_KeepsExcelRowNumbers()
    {
        // Writers may leave empty rows and cells out of the sheet XML entirely: here rows 1, 4 and 7 only.
        var bytes = HandMadeXlsx.Build(
            $"""<row r="1">{HandMadeXlsx.Text("A1", "Договор № 12-345/26")}</row>""",
            $"""<row r="4">{HandMadeXlsx.Text("B4", "№ полиса")}{HandMadeXlsx.Text("C4", "ФИО")}</row>""",
            $"""<row r="7">{HandMadeXlsx.Text("B7", "0012345")}<c r="C7"><v>42</v></c>{HandMadeXlsx.Text("E7", " ")}</row>""");

        var rows = DmsRows.Read(bytes, DmsFileFormat.Xlsx);

        Assert.Equal(
            "1: Договор № 12-345/26 |\n2:\n3:\n4: · | № полиса | ФИО |\n5:\n6:\n7: · | 0012345 | 42 |\n",
            DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_SheetsStartingBelowRowOne_LeadingRowsCounted()
    {
        // leading-empty-rows.xls (made with NPOI): row 3 holds B3, row 6 holds A6, nothing else.
        var xls = DmsRows.Read(File.ReadAllBytes(Fixture("leading-empty-rows.xls")), DmsFileFormat.Xls);
        var xlsx = DmsRows.Read(HandMadeXlsx.Build(
            $"""<row r="3">{HandMadeXlsx.Text("B3", "Договор")}</row><row r="6">{HandMadeXlsx.Text("A6", "ФИО")}</row>"""),
            DmsFileFormat.Xlsx);

        const string Expected = "1:\n2:\n3: · | Договор |\n4:\n5:\n6: ФИО |\n";
        Assert.Equal(Expected, DmsRows.Render(xls));
        Assert.Equal(Expected, DmsRows.Render(xlsx));
    }

    [Fact]
    public void ReadRows_XlsSheetNamed_ReadsThatSheet()
    {
        var rows = DmsRows.Read(File.ReadAllBytes(Fixture("roster-attach.xls")), DmsFileFormat.Xls,
            new DmsReadOptions { Sheet = "открепление" });

        Assert.Equal("1: № полиса | Дата открепления |\n2: 0099001 | 31.03.2026 |\n", DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_XlsFixture_MatchesVerifiedText()
    {
        var bytes = File.ReadAllBytes(Fixture("roster-attach.xls"));

        var rows = DmsRows.Read(bytes, DmsFile.Detect(bytes, "roster-attach.xls"));

        Snapshot.Verify(DmsRows.Render(rows), scrub: false);
    }

    [Fact]
    public void ReadRows_SheetMissing_ListsTheSheets()
    {
        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(File.ReadAllBytes(Fixture("roster-attach.xls")),
            DmsFileFormat.Xls, new DmsReadOptions { Sheet = "Лист1" }));

        Assert.Contains("'Прикрепление', 'Открепление'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_NonSeekableXlsx_SpooledAndRead()
    {
        var bytes = Xlsx(new object?[] { "0012345", new DateTime(2026, 2, 1) });
        using var stream = new ForwardOnlyStream(bytes);

        var rows = DmsFile.ReadRows(stream, DmsFileFormat.Xlsx, new DmsReadOptions()).ToList();

        Assert.Equal("1: 0012345 | 01.02.2026 |\n", DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_TruncatedXlsx_FailsAsDamaged()
    {
        var rows = Enumerable.Range(1, 200).Select(i => new object?[] { $"00{i}", "Тестова Анна Петровна" }).ToArray();
        var bytes = Xlsx(rows);
        var truncated = bytes[..(bytes.Length / 2)];

        Assert.Equal(DmsFileFormat.Xlsx, DmsFile.Detect(truncated, "список.xlsx"));
        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(truncated, DmsFileFormat.Xlsx));
        Assert.Contains("XLSX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_CsvPretendingToBeXls_FailsAsNotASpreadsheet()
    {
        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(Encoding.UTF8.GetBytes("ФИО;Пол\n"), DmsFileFormat.Xls));

        Assert.Contains("not a readable XLS", error.Message, StringComparison.Ordinal);
    }

    internal static byte[] Xlsx(params object?[][] rows)
    {
        // MiniExcel writes dictionaries as rows; without a header the keys only name the columns.
        var sheet = rows.Select(row => Enumerable.Range(0, 7).ToDictionary(i => ((char)('A' + i)).ToString(),
            i => i < row.Length ? row[i] : null)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: "Список");
        return stream.ToArray();
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
