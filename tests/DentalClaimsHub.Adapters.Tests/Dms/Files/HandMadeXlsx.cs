using System.IO.Compression;
using System.Text;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

/// <summary>A minimal XLSX package written part by part, for what MiniExcel never writes (missing rows, rich text, custom
/// date formats, the 1904 date system).</summary>
internal static class HandMadeXlsx
{
    private const string Package = "http://schemas.openxmlformats.org/package/2006";
    private const string Office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static byte[] Build(params string[] rows) => Build(string.Concat(rows), null, null, date1904: false);

    /// <summary>An inline-string cell.</summary>
    public static string Text(string cell, string value) => $"""<c r="{cell}" t="inlineStr"><is><t>{value}</t></is></c>""";

    public static byte[] Build(string sheetData, string? sharedStrings, string? styles, bool date1904)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Add("[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="{Package}/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/xl/workbook.xml" ContentType="{MediaType}.sheet.main+xml"/>
                  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="{MediaType}.worksheet+xml"/>
                  <Override PartName="/xl/sharedStrings.xml" ContentType="{MediaType}.sharedStrings+xml"/>
                  <Override PartName="/xl/styles.xml" ContentType="{MediaType}.styles+xml"/>
                </Types>
                """);
            Add("_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="{Package}/relationships">
                  <Relationship Id="rId1" Type="{Office}/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """);
            Add("xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="{Main}" xmlns:r="{Office}">
                  <workbookPr date1904="{(date1904 ? 1 : 0)}"/>
                  <sheets><sheet name="Список" sheetId="1" r:id="rId1"/></sheets>
                </workbook>
                """);
            Add("xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="{Package}/relationships">
                  <Relationship Id="rId1" Type="{Office}/worksheet" Target="worksheets/sheet1.xml"/>
                  <Relationship Id="rId2" Type="{Office}/sharedStrings" Target="sharedStrings.xml"/>
                  <Relationship Id="rId3" Type="{Office}/styles" Target="/xl/styles.xml"/>
                </Relationships>
                """);
            Add("xl/worksheets/sheet1.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>
                """);
            Add("xl/sharedStrings.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <sst xmlns="{Main}">{sharedStrings}</sst>
                """);
            Add("xl/styles.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <styleSheet xmlns="{Main}">{styles ?? """<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"""}</styleSheet>
                """);
        }

        return stream.ToArray();
    }
}
