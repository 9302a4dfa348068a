using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

public sealed class DmsFileXmlTests
{
    private const string Body = """
        <Список Страховщик="Пример-Мед" Дата="01.02.2026">
          <Заголовок>
            <НомерДоговора>12-345/26</НомерДоговора>
            <Страхователь>ООО «Тест»</Страхователь>
          </Заголовок>
          <Застрахованные>
            <Застрахованный Полис="0012345">
              <ФИО>Тестова Анна Петровна</ФИО>
              <ДатаРождения>14.03.1985</ДатаРождения>
              <Программа><Код>СТОМ-1</Код></Программа>
            </Застрахованный>
            <Застрахованный Полис="0012346"><ФИО> Примеров Иван Сергеевич </ФИО><Программа Код="СТОМ-2"/></Застрахованный>
            <Застрахованный Полис="0012347"/>
          </Застрахованные>
          <Итого>3</Итого>
        </Список>
        """;

    private static readonly DmsReadOptions Options = new()
    {
        XmlRecord = "застрахованный",
        XmlFields = ["Полис", "фио", "ДатаРождения", "Программа/Код", "Телефон"],
    };

    private const string Expected =
        "1: Страховщик | Пример-Мед |\n" +
        "1: Дата | 01.02.2026 |\n" +
        "3: НомерДоговора | 12-345/26 |\n" +
        "4: Страхователь | ООО «Тест» |\n" +
        "7: Полис | фио | ДатаРождения | Программа/Код | Телефон |\n" +
        "7: 0012345 | Тестова Анна Петровна | 14.03.1985 | СТОМ-1 | · |\n" +
        "12: 0012346 | Примеров Иван Сергеевич | · | СТОМ-2 | · |\n" +
        "13: 0012347 | · | · | · | · |\n";

    [Fact]
    public void ReadRows_Utf8WithDeclaration_PreambleHeaderAndRecords()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Body);

        var rows = DmsRows.Read(bytes, DmsFile.Detect(bytes, null), Options);

        Assert.Equal(Shift(Expected, 1), DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_Windows1251Declared_Honoured()
    {
        var bytes = DmsRows.Windows1251.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n" + Body);

        var rows = DmsRows.Read(bytes, DmsFileFormat.Xml, Options);

        Assert.Equal(Shift(Expected, 1), DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_Utf8WithoutDeclarationWithBom_Read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("  \n" + Body)).ToArray();

        var rows = DmsRows.Read(bytes, DmsFile.Detect(bytes, "список.xml"), Options);

        Assert.Equal(Shift(Expected, 1), DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_Windows1251WithoutDeclaration_Detected()
    {
        var rows = DmsRows.Read(DmsRows.Windows1251.GetBytes(Body), DmsFileFormat.Xml, Options);

        Assert.Equal(Expected, DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_NoRecords_HeaderStillComes()
    {
        var rows = DmsRows.Read(Encoding.UTF8.GetBytes("<Список>\n<Договор>12-345/26</Договор>\n</Список>"), DmsFileFormat.Xml, Options);

        Assert.Equal("2: Договор | 12-345/26 |\n3: Полис | фио | ДатаРождения | Программа/Код | Телефон |\n", DmsRows.Render(rows));
    }

    [Fact]
    public void ReadRows_BrokenXml_FailsWithTheLine()
    {
        var broken = Body.Replace("</ДатаРождения>", "</Дата>", StringComparison.Ordinal);

        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(Encoding.UTF8.GetBytes(broken), DmsFileFormat.Xml, Options));

        Assert.Equal(9, error.Row);
        Assert.Contains("line 9", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("14.03.1985", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_Dtd_Refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Список [<!ENTITY x \"xxxxxxxx\">]>\n<Список>&x;</Список>";

        var error = Assert.Throws<DmsFileException>(() => DmsRows.Read(Encoding.UTF8.GetBytes(xml), DmsFileFormat.Xml, Options));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_NoRecordName_Refused()
    {
        Assert.Throws<ArgumentException>(() => DmsFile.ReadRows(new MemoryStream(), DmsFileFormat.Xml, new DmsReadOptions()));
    }

    // The same rows with a declaration line above them.
    private static string Shift(string rendered, int by) =>
        string.Concat(rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return $"{int.Parse(line[..colon], System.Globalization.CultureInfo.InvariantCulture) + by}{line[colon..]}\n";
        }));
}
