using System.IO.Compression;
using System.Text;
using System.Xml;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// The parts of an XLSX package a sheet reader needs: where each sheet is, the shared strings (the one table held in
/// memory, as in Excel itself), which cell styles are dates, and the 1904 date system flag.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries;

    private XlsxWorkbook(ZipArchive zip)
    {
        this.zip = zip;
        entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            entries.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
        }
    }

    public IReadOnlyList<(string Name, string Part)> Sheets { get; private set; } = [];

    public IReadOnlyList<string?> SharedStrings { get; private set; } = [];

    public IReadOnlyList<bool> DateStyles { get; private set; } = [];

    public bool Date1904 { get; private set; }

    public static XlsxWorkbook Open(Stream content)
    {
        var workbook = new XlsxWorkbook(new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true));
        try
        {
            workbook.Load();
            return workbook;
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    public Stream OpenPart(string part) =>
        entries.TryGetValue(part, out var entry)
            ? entry.Open()
            : throw new DmsFileException($"The XLSX workbook lacks its part '{part}'.");

    public static XmlReader CreateReader(Stream part) =>
        XmlReader.Create(part, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });

    /// <summary>The text of a rich-text element (&lt;si&gt; or &lt;is&gt;): its &lt;t&gt; runs without the phonetic
    /// &lt;rPh&gt; ones. Leaves the reader after the element's end.</summary>
    public static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? runs = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    runs ??= new StringBuilder(single);
                    runs.Append(text);
                }
            }
            else if (!reader.Read())
            {
                throw new XmlException("Unexpected end of a rich text element.");
            }
        }

        reader.Read();
        return runs?.ToString() ?? single ?? "";
    }

    public void Dispose() => zip.Dispose();

    private void Load()
    {
        var office = Relations("_rels/.rels").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal));
        var workbookPart = Normalise(office.Target ?? "xl/workbook.xml");
        var folder = workbookPart.Contains('/', StringComparison.Ordinal) ? workbookPart[..(workbookPart.LastIndexOf('/') + 1)] : "";
        var relations = Relations($"{folder}_rels/{workbookPart[folder.Length..]}.rels");
        string? Resolve(string? target) =>
            target is null ? null : target.StartsWith('/') ? Normalise(target) : Normalise(folder + target);
        var byId = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        foreach (var (relationId, type, target) in relations)
        {
            byId.TryAdd(relationId, (type, Resolve(target) ?? ""));
        }

        var sheets = new List<(string, string)>();
        using (var reader = CreateReader(OpenPart(workbookPart)))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "workbookPr")
                {
                    Date1904 = reader.GetAttribute("date1904") is "1" or "true";
                }
                else if (reader.LocalName == "sheet"
                    && FindAttribute(reader, "id") is { } id && byId.TryGetValue(id, out var relation))
                {
                    sheets.Add((reader.GetAttribute("name") ?? "", relation.Target));
                }
            }
        }

        Sheets = sheets;
        var sharedStrings = relations.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var styles = relations.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;
        SharedStrings = LoadSharedStrings(Resolve(sharedStrings) ?? $"{folder}sharedStrings.xml");
        DateStyles = LoadDateStyles(Resolve(styles) ?? $"{folder}styles.xml");
    }

    private List<string?> LoadSharedStrings(string part)
    {
        var strings = new List<string?>();
        if (!entries.ContainsKey(part))
        {
            return strings;
        }

        using var reader = CreateReader(OpenPart(part));
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(CellText.Clean(ReadRichText(reader)));
            }
            else
            {
                reader.Read();
            }
        }

        return strings;
    }

    private List<bool> LoadDateStyles(string part)
    {
        var styles = new List<bool>();
        if (!entries.ContainsKey(part))
        {
            return styles;
        }

        // numFmts come before cellXfs; the xf elements of cellStyleXfs are not cell styles.
        var custom = new Dictionary<int, string>();
        using var reader = CreateReader(OpenPart(part));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "numFmt" && int.TryParse(reader.GetAttribute("numFmtId"), out var id))
            {
                custom[id] = reader.GetAttribute("formatCode") ?? "";
            }
            else if (reader.LocalName == "cellXfs" && !reader.IsEmptyElement)
            {
                using var formats = reader.ReadSubtree();
                while (formats.Read())
                {
                    if (formats.NodeType == XmlNodeType.Element && formats.LocalName == "xf" && formats.Depth == 1)
                    {
                        var format = int.TryParse(formats.GetAttribute("numFmtId"), out var number) ? number : 0;
                        styles.Add(XlsxNumberFormats.IsDate(format, custom.GetValueOrDefault(format)));
                    }
                }
            }
        }

        return styles;
    }

    private List<(string Id, string Type, string? Target)> Relations(string part)
    {
        var relations = new List<(string, string, string?)>();
        if (!entries.ContainsKey(part))
        {
            return relations;
        }

        using var reader = CreateReader(OpenPart(part));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                relations.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", reader.GetAttribute("Target")));
            }
        }

        return relations;
    }

    // r:id of a <sheet> is in the relationships namespace (transitional or strict): match it by local name and prefix-free.
    private static string? FindAttribute(XmlReader reader, string localName)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == localName && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
