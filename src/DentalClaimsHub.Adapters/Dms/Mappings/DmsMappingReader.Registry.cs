using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Adapters.Profiles.Loading;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

internal static partial class DmsMappingReader
{
    private static readonly string[] NameParts = ["lastName", "firstName", "middleName"];

    /// <summary>What a file the hub renders may hold: its fields, the columns it cannot do without, its title placeholders.</summary>
    private sealed record RenderedFileRules(
        string What, IReadOnlyList<string> Fields, IReadOnlyList<string> Required, IReadOnlyList<string> Header, IReadOnlyList<string> Placeholders,
        string Sheet, bool Discount);

    private static readonly RenderedFileRules RegistryRules = new("registry", DmsRegistryFields.Columns,
        ["policy", "serviceDate", "serviceCode", "amount"], DmsRegistryFields.Header, DmsRegistryFields.Placeholders, "Реестр", Discount: true);

    /// <summary>The <c>registry:</c> section: how the clinic's monthly registry of services to this insurer is laid out.</summary>
    private static DmsRegistryLayout? ReadRegistry(YamlMap root) =>
        root.Map("registry") is { } map ? ReadRenderedFile(map, RegistryRules) : null;

    /// <summary>
    /// A file the hub renders for an insurer (the monthly registry, a guarantee-letter request): format, encoding, title,
    /// ФИО joined or split, ordered columns, date and number formats, totals, XML names. The caller reads its own extra keys first.
    /// </summary>
    private static DmsRegistryLayout? ReadRenderedFile(YamlMap map, RenderedFileRules rules)
    {
        var format = map.Checked("format", required: true, text => text is "xlsx" or "csv" or "xml", "use xlsx, csv or xml");
        var encoding = map.Checked("encoding", required: false, text => text != "auto" && IsEncoding(text), "use utf-8 or windows-1251");
        var delimiter = map.Checked("delimiter", required: false, text => text.Length == 1 || text == "\\t", "must be one character such as ; or \\t");
        var sheet = map.Checked("sheet", required: false, text => text.Trim().Length is > 0 and <= 31 && text.IndexOfAny(['/', '\\', '?', '*', '[', ']', ':']) < 0,
            "must be 1–31 characters without / \\ ? * [ ] :");
        var title = map.Strings("title") ?? [];
        foreach (var line in title)
        {
            foreach (Match placeholder in Placeholder().Matches(line))
            {
                if (!rules.Placeholders.Contains(placeholder.Groups[1].Value, StringComparer.Ordinal))
                {
                    map.Sink.Add(map.StartOf("title"), map.FieldPath("title"),
                        $"'{{{placeholder.Groups[1].Value}}}' is not a placeholder: use {string.Join(", ", rules.Placeholders.Select(p => $"{{{p}}}"))}.");
                }
            }
        }

        var name = map.Checked("name", required: true, text => text is "joined" or "split", "use joined (one ФИО cell) or split (Фамилия/Имя/Отчество)");
        var columns = ReadRegistryColumns(map, "columns", rules.Fields, required: true);
        var dateFormat = map.Checked("dateFormat", required: false, IsDateFormat, "must be a date format with day, month and year (e.g. dd.MM.yyyy)");
        var separator = map.Checked("decimalSeparator", required: false, text => text is "," or ".", "use , or .");
        var totals = map.Checked("totals", required: false, text => text.Trim().Length is > 0 and <= 100, "must be the label of the totals row, 1–100 characters");
        var discount = !rules.Discount ? null : map.Checked("discountPercent", required: false,
            text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100,
            "must be a percentage from 0 to 100");
        DmsRegistryXmlNames? xml = null;
        if (map.Map("xml", required: format == "xml") is { } xmlMap)
        {
            xml = ReadRegistryXml(xmlMap, rules.Header);
        }

        map.RejectUnknownFields();
        if (format is null || name is null || columns is null)
        {
            return null;
        }

        CheckRegistryColumns(map, columns, name == "joined", format, xml, rules);
        return new DmsRegistryLayout
        {
            Format = format switch { "xlsx" => DmsRegistryFormat.Xlsx, "csv" => DmsRegistryFormat.Csv, _ => DmsRegistryFormat.Xml },
            Encoding = encoding ?? "utf-8",
            Delimiter = delimiter is null ? ';' : delimiter == "\\t" ? '\t' : delimiter[0],
            Sheet = sheet?.Trim() ?? rules.Sheet,
            Title = title,
            JoinedName = name == "joined",
            Columns = columns,
            DateFormat = dateFormat ?? "dd.MM.yyyy",
            DecimalSeparator = separator?[0] ?? ',',
            TotalsLabel = totals?.Trim(),
            DiscountPercent = discount is null ? 0m : decimal.Parse(discount, NumberStyles.Number, CultureInfo.InvariantCulture),
            Xml = format == "xml" ? xml : null,
        };
    }

    private static DmsRegistryXmlNames? ReadRegistryXml(YamlMap map, IReadOnlyList<string> headerFields)
    {
        var rootName = map.Checked("root", required: true, IsXmlName, "must be an XML element name");
        var record = map.Checked("record", required: true, IsXmlName, "must be an XML element name");
        var totals = map.Checked("totals", required: false, IsXmlName, "must be an XML element name");
        var header = ReadRegistryColumns(map, "header", headerFields, required: false) ?? [];
        map.RejectUnknownFields();
        return rootName is null || record is null ? null : new DmsRegistryXmlNames { Root = rootName, Record = record, Totals = totals, Header = header };
    }

    // An ordered list of one-key mappings: - serviceCode: Код услуги
    private static List<DmsRegistryColumn>? ReadRegistryColumns(YamlMap map, string key, IReadOnlyList<string> fields, bool required)
    {
        if (required && !map.Has(key))
        {
            map.Sink.Add(map.StartOf(key), map.FieldPath(key), "required field is missing.");
            return null;
        }

        var columns = new List<DmsRegistryColumn>();
        foreach (var item in map.Maps(key))
        {
            var keys = item.Keys().ToList();
            if (keys.Count != 1)
            {
                item.Sink.Add(map.StartOf(key), item.Path, "each column is one 'field: title' pair.");
                continue;
            }

            var field = keys[0].Key;
            var title = item.Checked(field, required: true, text => text.Trim().Length is > 0 and <= 200, "must be the column title, 1–200 characters");
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                item.Sink.Add(keys[0].KeyNode.Start, item.FieldPath(field), $"'{field}' is not a field: use {string.Join(", ", fields)}.");
            }
            else if (columns.Any(column => column.Field == field))
            {
                item.Sink.Add(keys[0].KeyNode.Start, item.FieldPath(field), $"'{field}' is listed twice.");
            }
            else if (title is not null)
            {
                columns.Add(new DmsRegistryColumn(field, title.Trim()));
            }
        }

        if (required && columns.Count == 0 && !map.Sink.HasErrors)
        {
            map.Sink.Add(map.StartOf(key), map.FieldPath(key), "list at least one column.");
        }

        return columns;
    }

    private static void CheckRegistryColumns(
        YamlMap map, List<DmsRegistryColumn> columns, bool joined, string format, DmsRegistryXmlNames? xml, RenderedFileRules rules)
    {
        bool Has(string field) => columns.Any(column => column.Field == field);
        var path = map.FieldPath("columns");
        if (joined && !Has("fullName"))
        {
            map.Sink.Add(map.StartOf("columns"), path, $"a {rules.What} with joined names needs a fullName column.");
        }

        if (!joined && (!Has("lastName") || !Has("firstName")))
        {
            map.Sink.Add(map.StartOf("columns"), path, $"a {rules.What} with split names needs lastName and firstName columns (middleName optional).");
        }

        if (joined ? NameParts.Any(Has) : Has("fullName"))
        {
            map.Sink.Add(map.StartOf("columns"), path, joined
                ? $"a {rules.What} with joined names has no lastName, firstName or middleName column."
                : $"a {rules.What} with split names has no fullName column.");
        }

        foreach (var field in rules.Required.Where(field => !Has(field)))
        {
            map.Sink.Add(map.StartOf("columns"), path, $"every {rules.What} needs a {field} column.");
        }

        if (format == "xml")
        {
            foreach (var column in columns.Where(column => !IsXmlName(column.Title)))
            {
                map.Sink.Add(map.StartOf("columns"), $"{path}.{column.Field}", $"'{column.Title}' is not an XML element name.");
            }

            if (xml is not null && map.Has("totals"))
            {
                map.Sink.Add(map.StartOf("totals"), map.FieldPath("totals"), $"an XML {rules.What} names its totals element in xml.totals.");
            }
        }
    }

    private static bool IsXmlName(string text)
    {
        try
        {
            XmlConvert.VerifyName(text);
            return !text.Contains(':', StringComparison.Ordinal);
        }
        catch (XmlException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
