using System.Text;

namespace DentalClaimsHub.Adapters.Dms.Registries;

public static partial class DmsRegistryRenderer
{
    // RFC 4180 with the layout's separator and CRLF: title lines as one-cell rows, the header, the lines, the totals row.
    private static byte[] RenderCsv(DmsRegistry registry, DmsRegistryLayout layout)
    {
        var text = new StringBuilder();
        void Row(IEnumerable<string> cells) => text.AppendJoin(layout.Delimiter, cells.Select(cell => Quote(cell, layout.Delimiter))).Append("\r\n");

        foreach (var line in Title(registry, layout))
        {
            Row([line]);
        }

        Row(layout.Columns.Select(column => column.Title));
        for (var i = 0; i < registry.Lines.Count; i++)
        {
            var line = registry.Lines[i];
            Row(layout.Columns.Select(column => Text(Value(line, i + 1, column.Field, layout), column.Field, layout)));
        }

        if (layout.TotalsLabel is { } label)
        {
            Row(layout.Columns.Select((column, index) =>
                Total(registry, column.Field) is { } total ? Text(total, column.Field, layout) : index == 0 ? label : string.Empty));
        }

        return TextEncoding(layout).GetBytes(text.ToString());
    }

    private static string Quote(string cell, char delimiter)
    {
        var flat = cell.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        return flat.Contains(delimiter, StringComparison.Ordinal) || flat.Contains('"', StringComparison.Ordinal)
            ? $"\"{flat.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : flat;
    }
}
