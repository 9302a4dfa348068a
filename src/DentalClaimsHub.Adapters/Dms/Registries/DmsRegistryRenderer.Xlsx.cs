using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace DentalClaimsHub.Adapters.Dms.Registries;

public static partial class DmsRegistryRenderer
{
    // One sheet: title lines in column A, the header row, the lines (amounts as numbers, dates as text in the insurer's
    // format, since insurers compare them as written), the totals row. MiniExcel stamps the package entries with the
    // clock and names its relationships with random GUIDs, so the package is rewritten with every entry dated the
    // registry's date and the relationships renamed rId1, rId2… in order: same registry, same bytes.
    private static byte[] RenderXlsx(DmsRegistry registry, DmsRegistryLayout layout)
    {
        var keys = layout.Columns.Select((_, index) => ColumnName(index)).ToArray();
        var rows = new List<Dictionary<string, object?>>();
        Dictionary<string, object?> NewRow() => keys.ToDictionary(key => key, _ => (object?)null);

        foreach (var line in Title(registry, layout))
        {
            var row = NewRow();
            row[keys[0]] = line;
            rows.Add(row);
        }

        var header = NewRow();
        for (var c = 0; c < keys.Length; c++)
        {
            header[keys[c]] = layout.Columns[c].Title;
        }

        rows.Add(header);
        for (var i = 0; i < registry.Lines.Count; i++)
        {
            var row = NewRow();
            for (var c = 0; c < keys.Length; c++)
            {
                row[keys[c]] = Value(registry.Lines[i], i + 1, layout.Columns[c].Field, layout);
            }

            rows.Add(row);
        }

        if (layout.TotalsLabel is { } label)
        {
            var row = NewRow();
            for (var c = 0; c < keys.Length; c++)
            {
                row[keys[c]] = Total(registry, layout.Columns[c].Field) ?? (c == 0 ? label : null);
            }

            rows.Add(row);
        }

        // Money shows two decimals in the reader's own separators; the rows down to the header stay in view; no filter
        // arrows over the title lines.
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            FreezeRowCount = layout.Title.Count + 1,
            DynamicColumns = [.. layout.Columns.Select((column, index) => new DynamicExcelColumn(keys[index])
            {
                Format = Money.Contains(column.Field, StringComparer.Ordinal) ? "#,##0.00" : null,
                Width = Width(column),
            })],
        };
        using var package = new MemoryStream();
        package.SaveAs(rows, printHeader: false, sheetName: layout.Sheet, excelType: ExcelType.XLSX, configuration: configuration);
        return Restamp(package.ToArray(), registry.Date);
    }

    private static byte[] Restamp(byte[] package, DateOnly date)
    {
        var stamp = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in input.Entries)
            {
                using var from = new MemoryStream();
                using (var source = entry.Open())
                {
                    source.CopyTo(from);
                }

                var bytes = from.ToArray();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    var renamed = RelationshipId().Replace(text, match =>
                        ids.TryGetValue(match.Value, out var id) ? id : ids[match.Value] = $"rId{ids.Count + 1}");
                    if (renamed != text)
                    {
                        bytes = Encoding.UTF8.GetBytes(renamed); // a byte-order mark was read as U+FEFF and is written back as one
                    }
                }

                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var to = copy.Open();
                to.Write(bytes);
            }
        }

        return output.ToArray();
    }

    // A relationship id MiniExcel generates (R + a GUID's 32 hex digits) as the value of Id, r:id or r:embed; cell text
    // cannot match because a quote inside it is written as &quot;.
    [GeneratedRegex(@"(?<=(?:\bId|r:id|r:embed)="")R[0-9a-f]{32}(?="")")]
    private static partial Regex RelationshipId();

    private static readonly string[] Money = ["price", "discount", "franchise", "amount", "insurerAmount"];

    private static double Width(DmsRegistryColumn column) => column.Field switch
    {
        "serviceName" => 60,
        "fullName" or "doctor" => 32,
        "lastName" or "firstName" or "middleName" => 16,
        _ => Math.Clamp(column.Title.Length + 2, 8, 24),
    };

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
