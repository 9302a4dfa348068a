using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;
using ExcelDataReader;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

/// <summary>The XLSX sheet reader on what real workbooks hold, checked against ExcelDataReader as a second opinion.</summary>
public sealed class DmsFileXlsxTests
{
    private const string SharedStrings = """
        <si><t>Тестова Анна Петровна</t></si>
        <si><r><rPr><b/></rPr><t>Примеров</t></r><r><t xml:space="preserve"> Иван</t></r><rPh sb="0" eb="1"><t>ф</t></rPh></si>
        <si><t xml:space="preserve">  </t></si>
        """;

    // cellStyleXfs holds a date format too: only cellXfs are the cells' styles.
    private const string Styles = """
        <numFmts count="2">
          <numFmt numFmtId="164" formatCode="[$-419]dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00\ &quot;₽&quot;"/>
        </numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="4">
          <xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"><alignment/></xf><xf numFmtId="22"/>
        </cellXfs>
        """;

    private static string Sheet(int dateSerial) => $"""
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
        <row r="2"><c r="A2" s="1"><v>{dateSerial}</v></c><c r="B2" s="2"><v>1234.5</v></c><c r="C2" s="3"><v>45000.75</v></c>
          <c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="str"><f>A1</f><v>формула</v></c>
          <c r="G2" s="2"><v>0.30000000000000004</v></c><c r="H2"><v>1.5E-3</v></c></row>
        <row><c t="inlineStr"><is><t>без ссылки</t></is></c><c><v>7</v></c></row>
        """;

    private const string Expected =
        "1: Тестова Анна Петровна | Примеров Иван |\n" +
        "2: 14.03.1985 | 1234.5 | 15.03.2023 18:00:00 | true | · | формула | 0.3 | 0.0015 |\n" +
        "3: без ссылки | 7 |\n";

    [Fact]
    public void ReadRows_SharedRichTextStylesAndTypes_AsExcelShowsThem()
    {
        var bytes = HandMadeXlsx.Build(Sheet(31120), SharedStrings, Styles, date1904: false);

        var rows = DmsRows.Read(bytes, DmsFileFormat.Xlsx);

        Assert.Equal(Expected, DmsRows.Render(rows));
        Assert.Equal(Expected, DmsRows.Render(ByExcelDataReader(bytes)));
    }

    [Fact]
    public void ReadRows_Date1904System_SameDates()
    {
        var bytes = HandMadeXlsx.Build(Sheet(31120 - 1462), SharedStrings, Styles, date1904: true);

        var rows = DmsRows.Read(bytes, DmsFileFormat.Xlsx);

        Assert.Equal("14.03.1985", rows[1].Cells[0]);
    }

    [Fact]
    public void ReadRows_SharedStringMissing_FailsAsDamagedAtTheRow()
    {
        var bytes = HandMadeXlsx.Build("""<row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>9</v></c></row>""",
            SharedStrings, null, date1904: false);

        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(bytes, DmsFileFormat.Xlsx));

        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void ReadRows_SecondSheetOfMiniExcelWorkbook_ByName()
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object>
        {
            ["Прикрепление"] = new[] { new { Полис = "0012345" } },
            ["Открепление"] = new[] { new { Полис = "0099001" } },
        });

        var rows = DmsRows.Read(stream.ToArray(), DmsFileFormat.Xlsx, new DmsReadOptions { Sheet = " ОТКРЕПЛЕНИЕ " });

        Assert.Equal("1: Полис |\n2: 0099001 |\n", DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_ManyVariedRows_SameAsExcelDataReader()
    {
        var random = new Random(20260201);
        string[] names = ["Тестова Анна", " Примеров\u00A0Иван ", "0012345", "", "Образцова", "г. Москва, ул. Тестовая"];
        var rows = Enumerable.Range(0, 3000).Select(_ => Enumerable.Range(0, 8).Select(c => (object?)(random.Next(9) switch
        {
            0 => null,
            1 => names[random.Next(names.Length)],
            2 => random.Next(-1000, 1_000_000),
            3 => Math.Round(random.NextDouble() * 100_000, random.Next(0, 4)),
            4 => (decimal)random.Next(0, 100_000) / 100,
            5 => new DateTime(1950, 1, 1).AddDays(random.Next(0, 30_000)),
            6 => new DateTime(2026, 1, 1).AddMinutes(random.Next(0, 500_000)),
            7 => random.Next(2) == 0,
            _ => random.NextDouble() * Math.Pow(10, random.Next(-6, 12)),
        })).ToArray()).ToArray();
        var bytes = DmsFileExcelTests.Xlsx(rows);

        var ours = DmsRows.Render(DmsRows.Read(bytes, DmsFileFormat.Xlsx));

        Assert.Equal(DmsRows.Render(ByExcelDataReader(bytes)), ours);
        Assert.Equal(3000, ours.Count(c => c == '\n'));
    }

    // The same cell text rules applied to what ExcelDataReader gives.
    private static List<SheetRow> ByExcelDataReader(byte[] bytes)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var rows = new List<SheetRow>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                null => null,
                string text => text.Trim() is { Length: > 0 } trimmed ? trimmed : null,
                double number => ((decimal)number).ToString("0.############################", CultureInfo.InvariantCulture),
                bool flag => flag ? "true" : "false",
                DateTime date => Date(date),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            }).ToList();
            while (cells.Count > 0 && cells[^1] is null)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            rows.Add(new SheetRow(rows.Count + 1, cells));
        }

        return rows;

        static string Date(DateTime date)
        {
            var second = TimeSpan.TicksPerSecond;
            var rounded = new DateTime((date.Ticks + second / 2) / second * second);
            var format = rounded.TimeOfDay == TimeSpan.Zero ? "dd.MM.yyyy" : "dd.MM.yyyy HH:mm:ss";
            return rounded.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
