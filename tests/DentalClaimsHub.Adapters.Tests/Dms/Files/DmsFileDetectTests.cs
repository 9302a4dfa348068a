using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

public sealed class DmsFileDetectTests
{
    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "список.xlsx", DmsFileFormat.Xls)]
    [InlineData(new byte[] { (byte)'<', (byte)'?', (byte)'x' }, null, DmsFileFormat.Xml)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\r', (byte)'\n', (byte)'<' }, "a.txt.xml", DmsFileFormat.Xml)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'<', 0 }, null, DmsFileFormat.Xml)]
    [InlineData(new byte[] { (byte)'<', 0xD4 }, "список.csv", DmsFileFormat.Csv)]
    [InlineData(new byte[] { (byte)'a', (byte)';', (byte)'b' }, "список.xml", DmsFileFormat.Csv)]
    [InlineData(new byte[0], "список.xls", DmsFileFormat.Xls)]
    [InlineData(new byte[0], null, DmsFileFormat.Csv)]
    public void Detect_FirstBytes_Format(byte[] head, string? fileName, DmsFileFormat expected)
    {
        Assert.Equal(expected, DmsFile.Detect(head, fileName));
    }

    [Fact]
    public void Detect_MiniExcelXlsx_Xlsx()
    {
        Assert.Equal(DmsFileFormat.Xlsx, DmsFile.Detect(DmsFileExcelTests.Xlsx(new object?[] { "0012345" }), "roster.bin"));
    }

    [Fact]
    public void Detect_XlsFixture_Xls()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Dms", "Files", "Fixtures", "roster-attach.xls");

        Assert.Equal(DmsFileFormat.Xls, DmsFile.Detect(File.ReadAllBytes(path).AsSpan(0, 512), null));
    }

    [Fact]
    public void Detect_Csv1251_Csv()
    {
        Assert.Equal(DmsFileFormat.Csv, DmsFile.Detect(DmsRows.Windows1251.GetBytes("ФИО;Пол"), "list.csv"));
        Assert.Equal("windows-1251", DmsFile.DetectEncoding(DmsRows.Windows1251.GetBytes("ФИО;Пол")).WebName);
        Assert.Equal("utf-8", DmsFile.DetectEncoding(Encoding.ASCII.GetBytes("policy;name")).WebName);
    }

    [Theory]
    [InlineData("<html><body><table><tr><td>ФИО</td></tr></table></body></html>")]
    [InlineData("\r\n<!DOCTYPE html>\r\n<HTML>")]
    [InlineData("<table border=1><tr><td>№ полиса</td></tr></table>")]
    public void Detect_HtmlPosingAsXls_SaysWhatItIs(string html)
    {
        var error = Assert.Throws<DmsFileException>(() => DmsFile.Detect(DmsRows.Windows1251.GetBytes(html), "список.xls"));

        Assert.Contains("HTML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OpenDocumentSpreadsheet_SaysWhatItIs()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("mimetype").Open());
            writer.Write("application/vnd.oasis.opendocument.spreadsheet");
        }

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Detect(stream.ToArray(), "список.ods"));

        Assert.Contains("ODS", error.Message, StringComparison.Ordinal);
    }
}
