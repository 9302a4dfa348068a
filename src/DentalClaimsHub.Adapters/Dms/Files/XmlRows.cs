using System.Text;
using System.Xml;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// An insurer's XML as rows, streamed with <see cref="XmlReader"/> (DTDs prohibited): first [name, value] preamble rows
/// for the attributes and simple text elements met before the first record (contract numbers, dates, the insurer), then
/// a header row of the wanted fields at the first record's line, then one row per record with the fields in order.
/// Elements outside records after the first record (totals) are not rows.
/// </summary>
internal sealed class XmlRows
{
    private const int MaxTextChars = 1024 * 1024;

    private readonly XmlReader reader;
    private readonly IXmlLineInfo lines;
    private readonly string record;
    private readonly IReadOnlyList<string> fields;
    private readonly Dictionary<string, List<int>> fieldsByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<SheetRow> pending = new();
    private readonly List<Element> open = [];
    private readonly StringBuilder text = new();
    private bool headerDone;
    private bool finished;

    private XmlRows(XmlReader reader, DmsReadOptions options)
    {
        this.reader = reader;
        lines = (IXmlLineInfo)reader;
        record = options.XmlRecord!.Trim();
        fields = options.XmlFields;
        for (var i = 0; i < fields.Count; i++)
        {
            var key = fields[i].Trim().Trim('/').Replace("@", "", StringComparison.Ordinal);
            if (!fieldsByKey.TryGetValue(key, out var indexes))
            {
                fieldsByKey[key] = indexes = [];
            }

            indexes.Add(i);
        }
    }

    public static IEnumerable<SheetRow> Read(Stream content, DmsReadOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.XmlRecord))
        {
            throw new ArgumentException("Reading XML needs the record element's name (DmsReadOptions.XmlRecord).",
                nameof(options));
        }

        return Rows(content, options);
    }

    private static IEnumerable<SheetRow> Rows(Stream content, DmsReadOptions options)
    {
        using var reader = Open(content, options.Encoding);
        var rows = new XmlRows(reader, options);
        while (true)
        {
            SheetRow? row;
            try
            {
                row = rows.Next();
            }
            catch (XmlException e)
            {
                throw Broken(e);
            }

            if (row is null)
            {
                yield break;
            }

            yield return row;
        }
    }

    private static XmlReader Open(Stream content, string? encoding)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
            CloseInput = true,
        };
        if (encoding is not null)
        {
            return XmlReader.Create(TextFiles.OpenReader(content, encoding), settings);
        }

        // A BOM or an encoding declaration is the XML reader's business; without either, guess like for CSV (a UTF-8
        // file without declaration is the XML default, a windows-1251 one without it is not).
        var (head, replay) = TextFiles.ReadHead(content);
        if (DeclaresEncoding(head))
        {
            return XmlReader.Create(replay, settings);
        }

        var textReader = new StreamReader(replay, DmsFile.DetectEncoding(head), detectEncodingFromByteOrderMarks: true);
        return XmlReader.Create(textReader, settings);
    }

    private static bool DeclaresEncoding(byte[] head)
    {
        if (head.AsSpan().StartsWith(DmsFile.Utf8Bom) || head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        // The declaration is ASCII in every encoding we meet here.
        var start = Encoding.Latin1.GetString(head, 0, Math.Min(head.Length, 256)).TrimStart();
        if (!start.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return false;
        }

        var close = start.IndexOf("?>", StringComparison.Ordinal);
        return close > 0 && start[..close].Contains("encoding", StringComparison.Ordinal);
    }

    private static DmsFileException Broken(XmlException e)
    {
        // XmlException's own text can quote the offending characters, which may be personal data: give position only.
        if (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return new DmsFileException($"The XML declares a DTD, which is not accepted (line {e.LineNumber}).", e.LineNumber);
        }

        return e.LineNumber > 0
            ? new DmsFileException($"The XML is broken at line {e.LineNumber}, position {e.LinePosition}.", e.LineNumber)
            : new DmsFileException("The XML is empty or has no root element.");
    }

    private SheetRow? Next()
    {
        while (pending.Count == 0 && !finished)
        {
            Step();
        }

        return pending.TryDequeue(out var row) ? row : null;
    }

    private void Step()
    {
        if (!reader.Read())
        {
            finished = true;
            if (!headerDone)
            {
                // No records: the header still comes, so the caller can tell an empty list from a wrong layout.
                headerDone = true;
                pending.Enqueue(new SheetRow(Math.Max(lines.LineNumber, 1), [.. fields]));
            }

            return;
        }

        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                StartElement();
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                if (open.Count > 0 && !open[^1].HasChild && !headerDone)
                {
                    Append(reader.Value);
                }

                break;
            case XmlNodeType.EndElement:
                EndElement();
                break;
        }
    }

    private void StartElement()
    {
        var line = lines.LineNumber;
        if (open.Count > 0)
        {
            open[^1].HasChild = true;
        }

        text.Clear();
        if (string.Equals(reader.LocalName, record, StringComparison.OrdinalIgnoreCase))
        {
            if (!headerDone)
            {
                headerDone = true;
                pending.Enqueue(new SheetRow(line, [.. fields]));
            }

            pending.Enqueue(new SheetRow(line, ReadRecord()));
            return;
        }

        if (!headerDone && reader.MoveToFirstAttribute())
        {
            do
            {
                if (!IsNamespaceDeclaration())
                {
                    pending.Enqueue(new SheetRow(line, [reader.LocalName, CellText.Clean(reader.Value)]));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        if (!reader.IsEmptyElement)
        {
            open.Add(new Element(reader.LocalName, line));
        }
    }

    private void EndElement()
    {
        var element = open[^1];
        open.RemoveAt(open.Count - 1);
        if (!element.HasChild && !headerDone && CellText.Clean(text.ToString()) is { } value)
        {
            pending.Enqueue(new SheetRow(element.Line, [element.Name, value]));
        }

        text.Clear();
    }

    // Reads from a record's start tag to its end tag. Keys are paths below the record: "Полис", "Полис/Номер", and an
    // attribute's "Полис/Номер" too; the first value found for a field wins, record attributes before child elements.
    private string?[] ReadRecord()
    {
        var values = new string?[fields.Count];
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                Set(values, reader.LocalName, reader.Value);
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        if (reader.IsEmptyElement)
        {
            return values;
        }

        var depth = reader.Depth;
        var paths = new List<string>();
        text.Clear();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var path = paths.Count == 0 ? reader.LocalName : paths[^1] + "/" + reader.LocalName;
                    text.Clear();
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            Set(values, path + "/" + reader.LocalName, reader.Value);
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    if (!reader.IsEmptyElement)
                    {
                        paths.Add(path);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (paths.Count > 0 && fieldsByKey.ContainsKey(paths[^1]))
                    {
                        Append(reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return values;
                case XmlNodeType.EndElement:
                    Set(values, paths[^1], text.ToString());
                    paths.RemoveAt(paths.Count - 1);
                    text.Clear();
                    break;
            }
        }

        return values;
    }

    private void Set(string?[] values, string key, string value)
    {
        if (!fieldsByKey.TryGetValue(key, out var indexes) || CellText.Clean(value) is not { } clean)
        {
            return;
        }

        foreach (var i in indexes)
        {
            values[i] ??= clean;
        }
    }

    private void Append(string value)
    {
        if (text.Length + value.Length > MaxTextChars)
        {
            throw new DmsFileException($"An XML element at line {lines.LineNumber} holds more than {MaxTextChars} characters.",
                lines.LineNumber);
        }

        text.Append(value);
    }

    private bool IsNamespaceDeclaration() =>
        reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns");

    private sealed class Element(string name, int line)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public bool HasChild { get; set; }
    }
}
