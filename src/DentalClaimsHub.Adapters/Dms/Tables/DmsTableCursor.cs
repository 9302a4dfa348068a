using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.Mappings;

namespace DentalClaimsHub.Adapters.Dms.Tables;

/// <summary>
/// Walks the rows of an insurer's file with a <see cref="DmsTableLayout"/>: collects the text above the header, finds the
/// header row, maps its cells to the layout's fields, then yields data records with merged cells filled down and Итого
/// rows, blank rows and repeated header rows left out. Streams: only the preamble is held.
/// </summary>
public sealed class DmsTableCursor : IDisposable
{
    private readonly IEnumerator<SheetRow> rows;
    private readonly DmsTableLayout layout;
    private readonly string[] fields;
    private readonly Dictionary<string, int> indexOfField;
    private readonly int[] columnOfField;
    private readonly bool[] fillDown;
    private readonly List<string> preamble = [];
    private string?[]? above;
    private int headerColumn = -1;

    private DmsTableCursor(IEnumerable<SheetRow> rows, DmsTableLayout layout)
    {
        this.rows = rows.GetEnumerator();
        this.layout = layout;
        fields = [.. layout.Columns.Keys];
        indexOfField = fields.Select((field, i) => (field, i)).ToDictionary(p => p.field, p => p.i, StringComparer.Ordinal);
        columnOfField = new int[fields.Length];
        Array.Fill(columnOfField, -1);
        fillDown = [.. fields.Select(field => layout.FillDown.Contains(field, StringComparer.Ordinal))];
    }

    /// <summary>The text of every non-empty row above the header, cells joined by spaces.</summary>
    public IReadOnlyList<string> Preamble => preamble;

    /// <summary>The header row's number.</summary>
    public int HeaderRow { get; private set; }

    /// <summary>The number of the last row read.</summary>
    public int LastRow { get; private set; }

    /// <summary>The fields whose column the header has.</summary>
    public IReadOnlyCollection<string> Present => [.. fields.Where((_, i) => columnOfField[i] >= 0)];

    /// <summary>Reads up to the header. Throws <see cref="DmsTableException"/> when no header is found or it lacks a column
    /// in <paramref name="required"/>.</summary>
    public static DmsTableCursor Open(IEnumerable<SheetRow> rows, DmsTableLayout layout, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(layout);
        var cursor = new DmsTableCursor(rows, layout);
        try
        {
            cursor.FindHeader(required);
            return cursor;
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    /// <summary>The data records after the header.</summary>
    public IEnumerable<DmsRecord> Records()
    {
        while (rows.MoveNext())
        {
            var row = rows.Current;
            LastRow = row.Number;
            if (IsBlank(row) || IsSkipped(row) || IsHeader(row))
            {
                continue;
            }

            var values = new string?[fields.Length];
            var any = false;
            for (var i = 0; i < fields.Length; i++)
            {
                var column = columnOfField[i];
                var value = column >= 0 && column < row.Cells.Count ? Clean(row.Cells[column]) : null;
                any |= value is not null;
                if (value is null && fillDown[i] && above is not null)
                {
                    value = above[i];
                }

                values[i] = value;
            }

            if (!any)
            {
                continue;
            }

            above = values;
            yield return new DmsRecord(row.Number, indexOfField, values);
        }
    }

    public void Dispose() => rows.Dispose();

    /// <summary>A header title or alias reduced to what matters: lower case, ё→е, one space, no trailing colon or asterisk.</summary>
    public static string Normalise(string text)
    {
        var buffer = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = buffer.Length > 0;
                continue;
            }

            if (space)
            {
                buffer.Append(' ');
                space = false;
            }

            buffer.Append(c is 'ё' or 'Ё' ? 'е' : char.ToLowerInvariant(c));
        }

        return buffer.ToString().TrimEnd(':', '*', ' ');
    }

    private void FindHeader(IEnumerable<string> required)
    {
        var scanned = 0;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            LastRow = row.Number;
            if (IsBlank(row))
            {
                continue;
            }

            headerColumn = IndexOfHeaderCell(row);
            if (headerColumn >= 0)
            {
                HeaderRow = row.Number;
                MapColumns(row);
                var missing = required.Where(field => Array.IndexOf(fields, field) is var i && (i < 0 || columnOfField[i] < 0)).ToList();
                if (missing.Count > 0)
                {
                    throw new DmsTableException(row.Number,
                        $"the header row lacks {string.Join(", ", missing.Select(field => $"{field} ({Titles(field)})"))}.");
                }

                return;
            }

            preamble.Add(string.Join(' ', row.Cells.Where(cell => !string.IsNullOrWhiteSpace(cell)).Select(cell => cell!.Trim())));
            if (++scanned >= layout.HeaderWithin)
            {
                break;
            }
        }

        throw new DmsTableException(LastRow == 0 ? null : LastRow,
            $"no header row: none of the first {layout.HeaderWithin} non-empty rows has a cell matching '{layout.HeaderCell}'.");
    }

    private void MapColumns(SheetRow header)
    {
        for (var column = 0; column < header.Cells.Count; column++)
        {
            if (header.Cells[column] is not { } title)
            {
                continue;
            }

            var normalised = Normalise(title);
            for (var i = 0; i < fields.Length; i++)
            {
                if (columnOfField[i] < 0 && layout.Columns[fields[i]].Any(alias => Normalise(alias) == normalised))
                {
                    columnOfField[i] = column;
                    break;
                }
            }
        }
    }

    private string Titles(string field) =>
        layout.Columns.TryGetValue(field, out var aliases) ? string.Join(" / ", aliases.Select(alias => $"«{alias}»")) : "no column configured";

    private bool IsSkipped(SheetRow row)
    {
        if (layout.SkipRows is not { } skip)
        {
            return false;
        }

        foreach (var cell in row.Cells)
        {
            if (cell is not null && skip.IsMatch(cell))
            {
                return true;
            }
        }

        return false;
    }

    // Multi-page exports repeat the header on every page; only the cell under the header's own title needs a look.
    private bool IsHeader(SheetRow row) =>
        row.Number != HeaderRow && headerColumn < row.Cells.Count && row.Cells[headerColumn] is { } cell && layout.HeaderCell.IsMatch(cell.Trim());

    private int IndexOfHeaderCell(SheetRow row)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i] is { } cell && layout.HeaderCell.IsMatch(cell.Trim()))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsBlank(SheetRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Clean(string? cell)
    {
        if (cell is null)
        {
            return null;
        }

        var trimmed = cell.Trim().Trim('\u00A0');
        return trimmed.Length == 0 ? null : trimmed;
    }
}

/// <summary>One data row: its number and the value of each field (null when empty or the column is absent).</summary>
public sealed class DmsRecord(int row, IReadOnlyDictionary<string, int> indexOfField, string?[] values)
{
    public int Row { get; } = row;

    public string? this[string field] => indexOfField.TryGetValue(field, out var i) ? values[i] : null;

    /// <summary>The filled cells' values, in field order.</summary>
    public IEnumerable<string> Filled => values.OfType<string>();

    /// <summary>This row with each of <paramref name="fields"/> it leaves empty taken from <paramref name="from"/>.</summary>
    public DmsRecord CarryFrom(DmsRecord from, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(fields);
        var copy = (string?[])values.Clone();
        foreach (var field in fields)
        {
            if (indexOfField.TryGetValue(field, out var i) && copy[i] is null)
            {
                copy[i] = from[field];
            }
        }

        return new DmsRecord(Row, indexOfField, copy);
    }
}

/// <summary>A file that has no usable table: no header, a header without a required column.</summary>
public sealed class DmsTableException(int? row, string message) : Exception(message)
{
    public int? Row { get; } = row;
}
