using System.Text;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// Turns an insurer's file (CSV, XLSX, XLS, XML, or any of them inside a password ZIP) into a stream of rows of text
/// cells. Reads in bounded memory: nothing here holds more than a buffer or one row, except the shared-strings table of
/// an XLSX. Cell text is the same across formats: trimmed, empty as null, Excel dates as dd.MM.yyyy[ HH:mm:ss], numbers
/// as invariant decimals.
/// </summary>
public static partial class DmsFile
{
    // How much of a text file the encoding and delimiter detection look at.
    internal const int HeadBytes = 64 * 1024;

    static DmsFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Streams the rows of <paramref name="content"/>, which stays open (the caller owns it). Empty rows are
    /// yielded (with no cells or all-null cells) so that row numbers stay true.</summary>
    /// <exception cref="DmsFileException">The file cannot be read at all; thrown while enumerating.</exception>
    public static IEnumerable<SheetRow> ReadRows(Stream content, DmsFileFormat format, DmsReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            DmsFileFormat.Csv => CsvRows(content, options),
            DmsFileFormat.Xlsx => XlsxRows.Read(content, options.Sheet),
            DmsFileFormat.Xls => ExcelRows.Read(content, format, options.Sheet),
            DmsFileFormat.Xml => XmlRows.Read(content, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown ДМС file format."),
        };
    }

    private static IEnumerable<SheetRow> CsvRows(Stream content, DmsReadOptions options)
    {
        using var reader = TextFiles.OpenReader(content, options.Encoding);
        foreach (var row in new CsvRows(reader, options.Delimiter).Read())
        {
            yield return row;
        }
    }
}
