using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>XLS (BIFF8 and older) rows through ExcelDataReader, which reads the sheet's records in order. Rows are
/// numbered as Excel shows them; trailing empty cells are trimmed. (XLSX has its own faster reader, <see cref="XlsxRows"/>.)
/// </summary>
internal static class ExcelRows
{
    public static IEnumerable<SheetRow> Read(Stream content, DmsFileFormat format, string? sheet)
    {
        // An OLE compound file is read by its sectors, so it needs to seek: a forward-only stream is spooled to a
        // temporary file rather than to memory.
        using var spool = content.CanSeek ? null : Spool.ToTemporaryFile(content);
        using var reader = Open(spool ?? content, format);
        SelectSheet(reader, sheet);
        var number = 0;
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (Exception e) when (IsBrokenFile(e))
            {
                throw new DmsFileException($"The {Name(format)} workbook is damaged after row {number}.", number + 1, e);
            }

            if (!more)
            {
                yield break;
            }

            // ExcelDataReader yields the gaps between rows as empty rows, so counting keeps Excel's numbers.
            number++;
            yield return new SheetRow(number, Cells(reader));
        }
    }

    private static IExcelDataReader Open(Stream content, DmsFileFormat format)
    {
        var configuration = new ExcelReaderConfiguration
        {
            LeaveOpen = true,
            // Old BIFF files without a code page record are Russian Windows ones.
            FallbackEncoding = Encoding.GetEncoding(1251),
        };
        try
        {
            return format == DmsFileFormat.Xlsx
                ? ExcelReaderFactory.CreateOpenXmlReader(content, configuration)
                : ExcelReaderFactory.CreateBinaryReader(content, configuration);
        }
        catch (InvalidPasswordException e)
        {
            throw new DmsFileException($"The {Name(format)} workbook is protected with a password (Excel encryption).", inner: e);
        }
        catch (Exception e) when (IsBrokenFile(e))
        {
            throw new DmsFileException($"The file is not a readable {Name(format)} workbook (damaged or not a spreadsheet).",
                inner: e);
        }
    }

    private static void SelectSheet(IExcelDataReader reader, string? sheet)
    {
        if (sheet is null)
        {
            return;
        }

        var names = new List<string>();
        do
        {
            if (string.Equals(reader.Name?.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            names.Add(reader.Name ?? "");
        }
        while (reader.NextResult());

        throw new DmsFileException($"The workbook has no sheet '{sheet}' (sheets: {string.Join(", ", names.Select(n => $"'{n}'"))}).");
    }

    private static string?[] Cells(IExcelDataReader reader)
    {
        var count = reader.FieldCount;
        while (count > 0 && CellText.FromExcel(reader.GetValue(count - 1)) is null)
        {
            count--;
        }

        var cells = new string?[count];
        for (var i = 0; i < count; i++)
        {
            cells[i] = CellText.FromExcel(reader.GetValue(i));
        }

        return cells;
    }

    private static bool IsBrokenFile(Exception e) =>
        e is ExcelReaderException or InvalidDataException or IOException or FormatException or System.Xml.XmlException
            or NotSupportedException or IndexOutOfRangeException or ArgumentOutOfRangeException or EndOfStreamException;

    private static string Name(DmsFileFormat format) => format == DmsFileFormat.Xlsx ? "XLSX" : "XLS";
}
