using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

/// <summary>Reading test files into lists and rendering rows as text for assertions and snapshots.</summary>
internal static class DmsRows
{
    static DmsRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static Encoding GetEncoding(string name) => Encoding.GetEncoding(name);

    public static List<SheetRow> Read(byte[] bytes, DmsFileFormat format, DmsReadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return [.. DmsFile.ReadRows(stream, format, options ?? new DmsReadOptions())];
    }

    public static List<SheetRow> ReadCsv(string text, Encoding? encoding = null, DmsReadOptions? options = null) =>
        Read((encoding ?? new UTF8Encoding(false)).GetBytes(text), DmsFileFormat.Csv, options);

    /// <summary>"number: cell | cell | ·" with · for a null cell, one row a line.</summary>
    public static string Render(IEnumerable<SheetRow> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row.Number).Append(':');
            foreach (var cell in row.Cells)
            {
                text.Append(' ').Append(cell?.Replace("\n", "\\n", StringComparison.Ordinal) ?? "·").Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Render(SheetRow row) => Render([row]).TrimEnd('\n');
}
