using System.Globalization;
using System.Xml;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// XLSX rows straight from the sheet XML with <see cref="XmlReader"/>: one pass, one row in memory, rows and cells placed
/// by their r references so rows a writer left out come back as empty rows with Excel's numbers. (ExcelDataReader reads
/// the sheet twice and converts every cell to an object; this is several times faster on large rosters.)
/// </summary>
internal sealed class XlsxRows
{
    private const int MaxRows = 1_048_576;
    private const int MaxColumns = 16_384;

    private readonly XlsxWorkbook workbook;
    private readonly XmlReader reader;
    private readonly List<string?> cells = new(16);
    private int lastRow;
    private int gapUntil;
    private SheetRow? afterGap;
    private bool done;

    private XlsxRows(XlsxWorkbook workbook, XmlReader reader)
    {
        this.workbook = workbook;
        this.reader = reader;
    }

    public static IEnumerable<SheetRow> Read(Stream content, string? sheet)
    {
        // The package is a ZIP, read by its central directory: a forward-only stream is spooled to a temporary file.
        using var spool = content.CanSeek ? null : Spool.ToTemporaryFile(content);
        using var workbook = Open(spool ?? content);
        using var reader = OpenSheet(workbook, sheet);
        var rows = new XlsxRows(workbook, reader);
        while (true)
        {
            SheetRow? row;
            try
            {
                row = rows.Next();
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw new DmsFileException($"The XLSX workbook is damaged after row {rows.lastRow}.", rows.lastRow + 1, e);
            }

            if (row is null)
            {
                yield break;
            }

            yield return row;
        }
    }

    private static XlsxWorkbook Open(Stream content)
    {
        try
        {
            return XlsxWorkbook.Open(content);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new DmsFileException("The file is not a readable XLSX workbook (damaged or not a spreadsheet).", inner: e);
        }
    }

    private static XmlReader OpenSheet(XlsxWorkbook workbook, string? sheet)
    {
        var part = SheetPart(workbook, sheet);
        try
        {
            return XlsxWorkbook.CreateReader(workbook.OpenPart(part));
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new DmsFileException("The XLSX workbook's sheet cannot be opened (damaged).", inner: e);
        }
    }

    private static string SheetPart(XlsxWorkbook workbook, string? sheet)
    {
        if (workbook.Sheets.Count == 0)
        {
            throw new DmsFileException("The XLSX workbook has no sheets.");
        }

        if (sheet is null)
        {
            return workbook.Sheets[0].Part;
        }

        foreach (var (name, part) in workbook.Sheets)
        {
            if (string.Equals(name.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return part;
            }
        }

        throw new DmsFileException(
            $"The workbook has no sheet '{sheet}' (sheets: {string.Join(", ", workbook.Sheets.Select(s => $"'{s.Name}'"))}).");
    }

    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or XmlException or IOException or FormatException or OverflowException
            or ArgumentOutOfRangeException or IndexOutOfRangeException;

    private SheetRow? Next()
    {
        if (lastRow < gapUntil)
        {
            lastRow++;
            return new SheetRow(lastRow, []);
        }

        if (afterGap is not null)
        {
            var row = afterGap;
            afterGap = null;
            lastRow = row.Number;
            return row;
        }

        while (!done && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData")
            {
                break; // merged cells, print settings and the like follow: nothing more to read
            }

            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                && r > lastRow ? r : lastRow + 1;
            if (number > MaxRows)
            {
                throw new DmsFileException($"The XLSX sheet has a row numbered beyond Excel's {MaxRows}.", lastRow + 1);
            }

            var row = new SheetRow(number, ReadCells());
            if (number == lastRow + 1)
            {
                lastRow = number;
                return row;
            }

            // Rows the writer left out are empty rows to a person looking at the sheet.
            (gapUntil, afterGap) = (number - 1, row);
            lastRow++;
            return new SheetRow(lastRow, []);
        }

        done = true;
        return null;
    }

    private string?[] ReadCells()
    {
        cells.Clear();
        if (reader.IsEmptyElement)
        {
            return [];
        }

        var depth = reader.Depth;
        var next = 0;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                var column = Column(reader.GetAttribute("r"), next);
                next = column + 1;
                var value = ReadCell();
                if (value is not null)
                {
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    if (column < cells.Count)
                    {
                        cells[column] = value; // a cell repeated or out of order: the later one wins
                    }
                    else
                    {
                        cells.Add(value);
                    }
                }
            }
            else if (!reader.Read())
            {
                throw new XmlException("The sheet ends inside a row.");
            }
        }

        return [.. cells];
    }

    // At <c>: the cell's text, leaving the reader after </c>.
    private string? ReadCell()
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        string? raw = null;
        string? inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                raw = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                inline = XlsxWorkbook.ReadRichText(reader);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip(); // <f> formulas, <extLst>
            }
            else if (!reader.Read())
            {
                throw new XmlException("The sheet ends inside a cell.");
            }
        }

        reader.Read();
        return Text(type, style, raw, inline);
    }

    private string? Text(string? type, int style, string? raw, string? inline)
    {
        switch (type)
        {
            case "s":
                var index = int.Parse(raw ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
                return index < workbook.SharedStrings.Count
                    ? workbook.SharedStrings[index]
                    : throw new FormatException("A shared string index is out of range.");
            case "inlineStr":
                return CellText.Clean(inline ?? raw);
            case "str":
                return CellText.Clean(raw);
            case "b":
                return raw is null ? null : raw.Trim() is "1" or "true" ? "true" : "false";
            case "e":
                return null; // #N/A, #DIV/0! and friends are no value
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? CellText.FromExcel(iso)
                    : CellText.Clean(raw);
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (style < workbook.DateStyles.Count && workbook.DateStyles[style] && SerialDate(number) is { } date)
        {
            return CellText.FromExcel(date);
        }

        return CellText.Number(number);
    }

    private DateTime? SerialDate(double serial)
    {
        var days = workbook.Date1904 ? serial + 1462 : serial;
        // Excel counts a phantom 29.02.1900, so serials below 61 would come out a day off; no ДМС date is that old.
        return days is >= 0 and < 2958466 ? DateTime.FromOADate(days) : null;
    }

    // "BC12" → 54 (0-based); no reference → the next column.
    private static int Column(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = column * 26 + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                throw new FormatException("A cell reference is beyond Excel's last column.");
            }
        }

        return column == 0 ? next : column - 1;
    }
}
