using System.Buffers;
using System.Text;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// RFC 4180 CSV over a <see cref="TextReader"/>, by hand over one growing char buffer: quoted fields with "" escapes and
/// line breaks, CR LF / LF / CR line ends, a row's number being the line where it starts. Unquoted text is scanned with a
/// vectorised IndexOfAny and cut into strings once; only quoted fields go through a StringBuilder.
/// </summary>
internal sealed class CsvRows(TextReader reader, char? delimiter)
{
    private const int BufferChars = 64 * 1024;
    private const int MaxCellChars = 1024 * 1024;
    private const int MaxCells = 16_384; // Excel's column count
    private const int DetectionLines = 50;

    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");
    private static readonly char[] Candidates = [';', ',', '\t'];

    private readonly StringBuilder quoted = new();
    private readonly List<string?> cells = new(16);
    private char[] buffer = new char[BufferChars];
    private int pos;
    private int end;
    private bool eof;
    private int line = 1;
    private char separator;
    private SearchValues<char> stops = QuotedStops;

    public IEnumerable<SheetRow> Read()
    {
        while (end < buffer.Length && Fill())
        {
        }

        if (pos < end && buffer[pos] == '\uFEFF')
        {
            pos++;
        }

        separator = delimiter ?? DetectDelimiter(buffer.AsSpan(pos, end - pos), eof);
        stops = SearchValues.Create([separator, '\r', '\n']);
        while (pos < end || Fill())
        {
            var number = line;
            ReadRecord();
            yield return new SheetRow(number, cells.ToArray());
        }
    }

    /// <summary>The candidate whose per-line count (outside quotes) is the same on the most of the first lines; ';'
    /// then ',' then tab on ties, ';' when none occurs.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<char> text, bool complete)
    {
        var counts = new List<int[]>();
        var current = new int[Candidates.Length];
        var inQuotes = false;
        for (var i = 0; i < text.Length && counts.Count < DetectionLines; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                counts.Add(current);
                current = new int[Candidates.Length];
            }
            else if (!inQuotes)
            {
                var k = Array.IndexOf(Candidates, c);
                if (k >= 0)
                {
                    current[k]++;
                }
            }
        }

        if (complete || counts.Count == 0)
        {
            counts.Add(current); // the last line is whole only at the end of the file
        }

        var best = ';';
        var bestScore = 0;
        for (var k = 0; k < Candidates.Length; k++)
        {
            var lines = counts.Where(c => c[k] > 0).GroupBy(c => c[k]).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            if (lines > bestScore)
            {
                (best, bestScore) = (Candidates[k], lines);
            }
        }

        return best;
    }

    private void ReadRecord()
    {
        cells.Clear();
        if (buffer[pos] is '\r' or '\n')
        {
            SkipLineEnd();
            return;
        }

        while (true)
        {
            if (pos < end && buffer[pos] == '"')
            {
                ReadQuoted();
            }
            else
            {
                ReadUnquoted();
            }

            if (pos >= end && !Fill())
            {
                return;
            }

            if (buffer[pos] == separator)
            {
                pos++;
                if (pos >= end && !Fill())
                {
                    cells.Add(null); // "a;b;" at the very end: the last cell is empty
                    return;
                }

                continue;
            }

            SkipLineEnd();
            return;
        }
    }

    private void ReadUnquoted()
    {
        var scanned = pos;
        while (true)
        {
            var found = buffer.AsSpan(scanned, end - scanned).IndexOfAny(stops);
            if (found >= 0)
            {
                AddCell(buffer.AsSpan(pos, scanned + found - pos));
                pos = scanned + found;
                return;
            }

            var length = end - pos;
            CheckLength(length);
            if (!Fill())
            {
                AddCell(buffer.AsSpan(pos, end - pos));
                pos = end;
                return;
            }

            scanned = pos + length;
        }
    }

    private void ReadQuoted()
    {
        var startLine = line;
        quoted.Clear();
        pos++;
        while (true)
        {
            if (pos >= end && !Fill())
            {
                throw new DmsFileException($"The quoted cell opened on line {startLine} is never closed.", startLine);
            }

            var found = buffer.AsSpan(pos, end - pos).IndexOfAny(QuotedStops);
            if (found < 0)
            {
                quoted.Append(buffer, pos, end - pos);
                pos = end;
                CheckLength(quoted.Length);
                continue;
            }

            quoted.Append(buffer, pos, found);
            pos += found;
            var c = buffer[pos++];
            if (c == '"')
            {
                if ((pos < end || Fill()) && buffer[pos] == '"')
                {
                    quoted.Append('"');
                    pos++;
                    continue;
                }

                break;
            }

            // A line break inside quotes is kept as \n and still counts as a line.
            if (c == '\r' && (pos < end || Fill()) && buffer[pos] == '\n')
            {
                pos++;
            }

            quoted.Append('\n');
            line++;
        }

        // Lenient about text between the closing quote and the delimiter ("a"b;): it is kept.
        while (pos < end || Fill())
        {
            var found = buffer.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (found >= 0)
            {
                quoted.Append(buffer, pos, found);
                pos += found;
                break;
            }

            quoted.Append(buffer, pos, end - pos);
            pos = end;
            CheckLength(quoted.Length);
        }

        CheckLength(quoted.Length);
        AddCell(quoted.ToString());
    }

    private void SkipLineEnd()
    {
        var c = buffer[pos++];
        if (c == '\r' && (pos < end || Fill()) && buffer[pos] == '\n')
        {
            pos++;
        }

        line++;
    }

    private void AddCell(ReadOnlySpan<char> text)
    {
        if (cells.Count == MaxCells)
        {
            throw new DmsFileException($"The row on line {line} has more than {MaxCells} cells.", line);
        }

        var trimmed = CellText.Trim(text);
        cells.Add(trimmed.IsEmpty ? null : trimmed.ToString());
    }

    private void CheckLength(int length)
    {
        if (length > MaxCellChars)
        {
            throw new DmsFileException($"A cell on line {line} is longer than {MaxCellChars} characters.", line);
        }
    }

    // Keeps the unread part [pos, end), moved to the start of the buffer, and reads more after it.
    private bool Fill()
    {
        if (eof)
        {
            return false;
        }

        var keep = end - pos;
        if (pos > 0)
        {
            Array.Copy(buffer, pos, buffer, 0, keep);
        }
        else if (keep == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        (pos, end) = (0, keep);
        var read = reader.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
            return false;
        }

        end += read;
        return true;
    }
}
