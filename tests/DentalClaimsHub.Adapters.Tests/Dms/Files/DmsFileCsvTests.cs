using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

public sealed class DmsFileCsvTests
{
    private const string Roster =
        "Прикрепление 01.02.2026;;\r\n" +
        "№ полиса;ФИО;Дата рождения\r\n" +
        "0012345;Тестова Анна Петровна;14.03.1985\r\n";

    [Fact]
    public void ReadRows_Windows1251_DetectedAndDecoded()
    {
        var bytes = DmsRows.Windows1251.GetBytes(Roster);

        var rows = DmsRows.Read(bytes, DmsFileFormat.Csv);

        Assert.Equal(1251, DmsFile.DetectEncoding(bytes).CodePage);
        Assert.Equal("3: 0012345 | Тестова Анна Петровна | 14.03.1985 |", DmsRows.Render(rows[2]));
    }

    [Fact]
    public void ReadRows_Utf8WithoutBom_DetectedAndDecoded()
    {
        var bytes = new UTF8Encoding(false).GetBytes(Roster);

        var rows = DmsRows.Read(bytes, DmsFileFormat.Csv);

        Assert.Equal("utf-8", DmsFile.DetectEncoding(bytes).WebName);
        Assert.Equal("2: № полиса | ФИО | Дата рождения |", DmsRows.Render(rows[1]));
    }

    [Fact]
    public void ReadRows_Utf8WithBom_BomSkipped()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Roster)).ToArray();

        var rows = DmsRows.Read(bytes, DmsFileFormat.Csv);

        Assert.Equal("utf-8", DmsFile.DetectEncoding(bytes).WebName);
        Assert.Equal("Прикрепление 01.02.2026", rows[0].Cells[0]);
    }

    [Fact]
    public void DetectEncoding_Utf8CutInsideALetter_StillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("ФИО;Пол");

        Assert.Equal("utf-8", DmsFile.DetectEncoding(bytes.AsSpan(0, 3)).WebName);
    }

    [Fact]
    public void ReadRows_EncodingGiven_OverridesDetection()
    {
        // KOI8-R bytes of Cyrillic are not valid UTF-8, so detection alone would say windows-1251.
        var koi8 = DmsRows.GetEncoding("koi8-r");

        var rows = DmsRows.Read(koi8.GetBytes("Фамилия;Имя\n"), DmsFileFormat.Csv, new DmsReadOptions { Encoding = "koi8-r" });

        Assert.Equal("1: Фамилия | Имя |", DmsRows.Render(Assert.Single(rows)));
    }

    [Theory]
    [InlineData("ФИО;Пол;Сумма\nИванова А.;Ж;45,50\n", ';')]
    [InlineData("ФИО,Пол,Сумма\nИванова А.,Ж,45.50\n", ',')]
    [InlineData("ФИО\tПол\tСумма\nИванова А.\tЖ\t45,50\n", '\t')]
    [InlineData("ФИО;Адрес\nИванова А.;г. Москва, ул. Тестовая, д. 1\nПетров Б.;г. Тверь, ул. Примерная, д. 2\n", ';')]
    [InlineData("ФИО,Адрес\nИванова А.,\"г. Москва; ул. Тестовая\"\n", ',')]
    [InlineData("a;b,c\n", ';')]
    [InlineData("один столбец\n", ';')]
    public void ReadRows_DelimiterNotGiven_Detected(string csv, char expected)
    {
        var rows = DmsRows.ReadCsv(csv);

        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].Split(expected);
        Assert.Equal(header, rows[0].Cells);
    }

    [Fact]
    public void ReadRows_DelimiterGiven_UsedEvenWhenAnotherIsMoreFrequent()
    {
        var rows = DmsRows.ReadCsv("a,b,c|d\n", options: new DmsReadOptions { Delimiter = '|' });

        Assert.Equal(["a,b,c", "d"], rows[0].Cells);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void ReadRows_QuotedDelimitersAndLineBreaks_RowNumbersAreStartLines(string eol)
    {
        var csv = string.Join(eol,
            "№ полиса;Примечание;Телефон",
            "0012345;\"Франшиза 45%; без ортодонтии\";+7 916 000-00-01",
            "0012346;\"Адрес:",
            "г. Москва,",
            "ул. Тестовая\";+7 916 000-00-02",
            "0012347;\"Он сказал \"\"да\"\"\";",
            "") + "0012348;;";

        var rows = DmsRows.ReadCsv(csv);

        Assert.Equal(
            "1: № полиса | Примечание | Телефон |\n" +
            "2: 0012345 | Франшиза 45%; без ортодонтии | +7 916 000-00-01 |\n" +
            "3: 0012346 | Адрес:\\nг. Москва,\\nул. Тестовая | +7 916 000-00-02 |\n" +
            "6: 0012347 | Он сказал \"да\" | · |\n" +
            "7: 0012348 | · | · |\n",
            DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_EmptyLines_KeptAsEmptyRowsButNotTheTrailingOne()
    {
        var rows = DmsRows.ReadCsv("Договор 12-345/26\n\n;;\nФИО;Пол\n");

        Assert.Equal("1: Договор 12-345/26 |\n2:\n3: · | · | · |\n4: ФИО | Пол |\n", DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_SpacesAndNoBreakSpaces_TrimmedAndEmptyIsNull()
    {
        var rows = DmsRows.ReadCsv("\u00A0Тестова Анна\u00A0 ;   ;\" 007 \";\"\";\u200B\u202F0012345\u200B\n");

        Assert.Equal(["Тестова Анна", null, "007", null, "0012345"], rows[0].Cells);
    }

    [Fact]
    public void ReadRows_LeadingZerosAndNumbersAsText_KeptVerbatim()
    {
        var rows = DmsRows.ReadCsv("0012345;45,50;1.5E3\n");

        Assert.Equal(["0012345", "45,50", "1.5E3"], rows[0].Cells);
    }

    [Fact]
    public void ReadRows_QuoteNeverClosed_FailsAtTheLineItOpened()
    {
        var error = Assert.Throws<DmsFileException>(() => DmsRows.ReadCsv("ФИО;Пол\nТестова;Ж\n\"Примеров;М\nОбразцова;Ж\n"));

        Assert.Equal(3, error.Row);
        Assert.DoesNotContain("Примеров", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_RowWiderThanExcel_Refused()
    {
        var error = Assert.Throws<DmsFileException>(() => DmsRows.ReadCsv("ФИО;Пол\n" + new string(';', 20_000) + "\n"));

        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void ReadRows_EmptyFile_NoRows()
    {
        Assert.Empty(DmsRows.ReadCsv(""));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void ReadRows_ManyRowsAcrossBufferBoundaries_ReadBackExactly(string eol)
    {
        // Cells with delimiters, quotes and line breaks, long enough that records and quoted cells straddle the 64K buffer.
        var random = new Random(20260201);
        string[] pieces = ["Иванова", "Анна", "0012345", ";", "\"", "\n", " ", "45,50", "г. Москва, ул. Тестовая, д. 1", "Ё"];
        var expected = new List<(int Line, string?[] Cells)>();
        var csv = new StringBuilder();
        var line = 1;
        for (var r = 0; r < 3000; r++)
        {
            var cells = new string?[12];
            var parts = new List<string>();
            for (var c = 0; c < cells.Length; c++)
            {
                var value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
                var quote = value.IndexOfAny([';', '"', '\n']) >= 0 || random.Next(10) == 0;
                var escaped = value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\n", eol, StringComparison.Ordinal);
                parts.Add(quote ? $"\"{escaped}\"" : value);
                var trimmed = value.Trim();
                cells[c] = trimmed.Length == 0 ? null : trimmed;
            }

            expected.Add((line, cells));
            csv.Append(string.Join(';', parts)).Append(eol);
            line += 1 + parts.Sum(p => p.Split(eol).Length - 1);
        }

        var rows = DmsRows.ReadCsv(csv.ToString(), options: new DmsReadOptions { Delimiter = ';' });

        Assert.True(csv.Length > 200_000);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Line, rows[i].Number);
            Assert.Equal(expected[i].Cells, rows[i].Cells);
        }
    }
}
