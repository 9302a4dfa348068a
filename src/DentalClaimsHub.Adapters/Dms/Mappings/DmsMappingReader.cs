using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Profiles.Loading;
using DentalClaimsHub.Domain.Rosters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

/// <summary>Reads one <c>mappings/dms/&lt;id&gt;.yaml</c> into a <see cref="DmsMapping"/>, collecting every error with its position.</summary>
internal static partial class DmsMappingReader
{
    private static readonly string[] DefaultDateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "yyyy-MM-dd"];

    private static readonly string[] PreambleFacts =
        ["documentNumber", "documentDate", "contract", "policyholder", "effectiveDate", "periodFrom", "periodTo"];

    public static (DmsMapping? Mapping, IReadOnlyList<PayerProfileError> Errors) Read(string file)
    {
        var sink = new ProfileErrorSink(file);
        var root = Parse(file, sink);
        if (root is null)
        {
            return (null, sink.Errors);
        }

        var map = new YamlMap(root, string.Empty, sink, new Dictionary<string, string>());
        var insurer = map.Checked("insurer", required: true, text => text.Trim().Length > 0, "must name the insurer");
        var rosters = map.Map("rosters") is { } rosterMap ? ReadRosters(rosterMap) : null;
        var mapping = new DmsMapping
        {
            Id = Path.GetFileNameWithoutExtension(file),
            InsurerName = insurer?.Trim() ?? string.Empty,
            Rosters = rosters,
            File = file,
        };
        ReadSections(map, ref mapping);
        map.RejectUnknownFields();
        return sink.HasErrors ? (null, sink.Errors) : (mapping, sink.Errors);
    }

    /// <summary>Sections other files of this class read (registries, guarantee letters, acts) — each adds itself here.</summary>
    private static void ReadSections(YamlMap map, ref DmsMapping mapping)
    {
        _ = map;
        _ = mapping;
        mapping = mapping with { Registry = ReadRegistry(map) };
        mapping = mapping with { GuaranteeLetters = ReadGuaranteeLetters(map) };
        mapping = mapping with { Acts = ReadActs(map) };
    }

    private static DmsRosterLayout? ReadRosters(YamlMap map)
    {
        var table = ReadTable(map, DmsRosterLayout.Fields);
        var name = map.Checked("name", required: true, text => text is "joined" or "split", "use joined (one ФИО cell) or split (Фамилия/Имя/Отчество)");
        var preamble = new Dictionary<string, Regex>(StringComparer.Ordinal);
        if (map.Map("preamble") is { } facts)
        {
            foreach (var fact in PreambleFacts)
            {
                if (facts.Pattern(fact) is { } pattern)
                {
                    RequireGroup(facts, fact, pattern, "value");
                    preamble[fact] = pattern;
                }
            }

            facts.RejectUnknownFields();
        }

        var kinds = new Dictionary<RosterKind, Regex>();
        RosterKind? defaultKind = null;
        if (map.Map("kind", required: true) is { } kindMap)
        {
            foreach (var (key, kind) in new[] { ("mixed", RosterKind.Mixed), ("detach", RosterKind.Detach), ("attach", RosterKind.Attach), ("full", RosterKind.Full) })
            {
                if (kindMap.Pattern(key) is { } pattern)
                {
                    kinds[kind] = pattern;
                }
            }

            if (kindMap.String("default") is { } fallback)
            {
                defaultKind = fallback switch
                {
                    "attach" => RosterKind.Attach,
                    "detach" => RosterKind.Detach,
                    "full" => RosterKind.Full,
                    "mixed" => RosterKind.Mixed,
                    _ => null,
                };
                if (defaultKind is null)
                {
                    kindMap.Sink.Add(kindMap.StartOf("default"), kindMap.FieldPath("default"), $"'{fallback}' is invalid: use attach, detach, full or mixed.");
                }
            }

            if (kinds.Count == 0 && defaultKind is null)
            {
                kindMap.Sink.Add(map.StartOf("kind"), map.FieldPath("kind"), "give at least one of attach, detach, full or a default.");
            }

            kindMap.RejectUnknownFields();
        }

        Regex? franchise = null;
        IReadOnlyList<Regex> exclusions = [];
        if (map.Map("freeText") is { } freeText)
        {
            franchise = freeText.Pattern("franchise");
            if (franchise is not null)
            {
                RequireGroup(freeText, "franchise", franchise, "percent");
            }

            exclusions = freeText.Patterns("exclusions");
            freeText.RejectUnknownFields();
        }

        var programs = new List<DmsProgramRule>();
        foreach (var rule in map.Maps("programs"))
        {
            var match = rule.Pattern("match", required: true);
            var code = rule.Checked("code", required: true, text => text.Trim().Length is > 0 and <= 60, "must be 1–60 characters");
            var programName = rule.Checked("name", required: true, text => text.Trim().Length is > 0 and <= 300, "must be 1–300 characters");
            rule.RejectUnknownFields();
            if (match is not null && code is not null && programName is not null)
            {
                programs.Add(new DmsProgramRule(match, code.Trim(), programName.Trim()));
            }
        }

        IReadOnlyList<string>? male = null;
        IReadOnlyList<string>? female = null;
        if (map.Map("sex") is { } sex)
        {
            male = sex.Strings("male", required: true);
            female = sex.Strings("female", required: true);
            sex.RejectUnknownFields();
        }

        var rowKinds = map.Map("rowKind") is { } rowKindMap ? ReadRowKinds(rowKindMap) : null;
        var mixed = kinds.ContainsKey(RosterKind.Mixed) || defaultKind == RosterKind.Mixed;
        if (mixed && rowKinds is null && !map.Has("rowKind"))
        {
            map.Sink.Add(map.StartOf("kind"), map.FieldPath("rowKind"), "a mapping that knows mixed files must say how a row attaches or detaches (rowKind).");
        }
        else if (!mixed && map.Has("rowKind"))
        {
            map.Sink.Add(map.StartOf("rowKind"), map.FieldPath("rowKind"), "rowKind applies to mixed files only: add kind.mixed or kind.default: mixed.");
        }

        if (table is null || name is null)
        {
            return null;
        }

        if (rowKinds is { Column: true } && !table.Columns.ContainsKey("action"))
        {
            map.Sink.Add(map.StartOf("rowKind"), map.FieldPath("rowKind.column"), "a per-row attach/detach column needs columns.action.");
        }

        var blocks = map.Map("blocks") is { } blockMap ? ReadBlocks(blockMap, table) : null;
        var joined = name == "joined";
        var needed = joined ? new[] { "policy", "fullName", "birthDate" } : ["policy", "lastName", "firstName", "birthDate"];
        foreach (var field in needed.Where(field => !table.Columns.ContainsKey(field)))
        {
            map.Sink.Add(map.StartOf("columns"), map.FieldPath($"columns.{field}"), $"a roster with {name} names needs this column.");
        }

        var layout = new DmsRosterLayout
        {
            Table = table,
            JoinedName = joined,
            Preamble = preamble,
            Kinds = kinds,
            DefaultKind = defaultKind,
            Franchise = franchise,
            Exclusions = exclusions,
            Programs = programs,
            RowKinds = rowKinds,
            Blocks = blocks,
        };
        return male is null || female is null ? layout : layout with { Male = male, Female = female };
    }

    /// <summary>The <c>rosters.rowKind:</c> section: how a mixed file says attach or detach per row.</summary>
    private static DmsRowKindLayout? ReadRowKinds(YamlMap map)
    {
        var column = map.Bool("column", false);
        var sections = map.Bool("sections", false);
        var attach = map.Pattern("attach", required: true);
        var detach = map.Pattern("detach", required: true);
        map.RejectUnknownFields();
        if (!column && !sections)
        {
            map.Sink.Add(map.StartOf("column"), map.FieldPath("column"), "say where a row's kind is written: column: true (columns.action), sections: true, or both.");
            return null;
        }

        return attach is null || detach is null ? null : new DmsRowKindLayout(column, sections, attach, detach);
    }

    /// <summary>The <c>rosters.blocks:</c> section: one-person blocks whose continuation rows take the person's data.</summary>
    private static DmsBlockLayout? ReadBlocks(YamlMap map, DmsTableLayout table)
    {
        var start = map.String("start", required: true);
        var carry = map.Strings("carry", required: true);
        map.RejectUnknownFields();
        if (start is not null && !table.Columns.ContainsKey(start))
        {
            map.Sink.Add(map.StartOf("start"), map.FieldPath("start"), $"'{start}' is not one of this layout's columns.");
            return null;
        }

        foreach (var field in (carry ?? []).Where(field => !table.Columns.ContainsKey(field)))
        {
            map.Sink.Add(map.StartOf("carry"), map.FieldPath("carry"), $"'{field}' is not one of this layout's columns.");
        }

        if (start is not null && carry is not null && !carry.Contains(start, StringComparer.Ordinal))
        {
            map.Sink.Add(map.StartOf("carry"), map.FieldPath("carry"), $"continuation rows must carry the block's start field '{start}'.");
        }

        return start is null || carry is null ? null : new DmsBlockLayout(start, carry);
    }

    /// <summary>The table part every inbound file kind shares (see <see cref="DmsTableLayout"/>).</summary>
    internal static DmsTableLayout? ReadTable(YamlMap map, IReadOnlyList<string> fields)
    {
        var formats = new List<DmsFileFormat>();
        foreach (var text in map.Strings("formats", required: true) ?? [])
        {
            if (Enum.TryParse<DmsFileFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !char.IsDigit(text[0]))
            {
                formats.Add(format);
            }
            else
            {
                map.Sink.Add(map.StartOf("formats"), map.FieldPath("formats"), $"'{text}' is not a format: use csv, xlsx, xls or xml.");
            }
        }

        var encoding = map.Checked("encoding", required: false, IsEncoding, "use utf-8, windows-1251 or auto");
        var delimiter = map.Checked("delimiter", required: false, text => text.Length == 1 || text == "\\t", "must be one character such as ; or \\t");
        var sheet = map.String("sheet");
        var xmlRecord = map.String("xmlRecord");
        if (formats.Contains(DmsFileFormat.Xml) && xmlRecord is null)
        {
            map.Sink.Add(map.StartOf("formats"), map.FieldPath("xmlRecord"), "an XML layout must name its record element.");
        }

        Regex? header = null;
        var within = 30;
        if (map.Map("header", required: true) is { } headerMap)
        {
            header = headerMap.Pattern("cell", required: true);
            within = headerMap.Int("within", 30, 1, 200);
            headerMap.RejectUnknownFields();
        }

        var columns = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (map.Map("columns", required: true) is { } columnMap)
        {
            foreach (var field in fields)
            {
                if (columnMap.Strings(field) is { Count: > 0 } aliases)
                {
                    columns[field] = [.. aliases.Select(alias => alias.Trim())];
                }
            }

            columnMap.RejectUnknownFields();
        }

        var dates = map.Strings("dateFormats") ?? DefaultDateFormats;
        foreach (var format in dates.Where(format => !IsDateFormat(format)))
        {
            map.Sink.Add(map.StartOf("dateFormats"), map.FieldPath("dateFormats"), $"'{format}' is not a date format with day, month and year (e.g. dd.MM.yyyy).");
        }

        var fillDown = map.Strings("fillDown") ?? [];
        foreach (var field in fillDown.Where(field => !columns.ContainsKey(field)))
        {
            map.Sink.Add(map.StartOf("fillDown"), map.FieldPath("fillDown"), $"'{field}' is not one of this layout's columns.");
        }

        var skip = map.Pattern("skipRows");
        if (header is null || formats.Count == 0)
        {
            return null;
        }

        return new DmsTableLayout
        {
            Formats = formats,
            Encoding = encoding is null or "auto" ? null : encoding,
            Delimiter = delimiter is null ? null : delimiter == "\\t" ? '\t' : delimiter[0],
            Sheet = sheet,
            XmlRecord = xmlRecord,
            HeaderCell = header,
            HeaderWithin = within,
            Columns = columns,
            DateFormats = dates,
            FillDown = fillDown,
            SkipRows = skip,
        };
    }

    private static void RequireGroup(YamlMap map, string key, Regex pattern, string group)
    {
        if (!pattern.GetGroupNames().Contains(group, StringComparer.Ordinal))
        {
            map.Sink.Add(map.StartOf(key), map.FieldPath(key), $"the pattern must capture the {group} in a group named (?<{group}>…).");
        }
    }

    private static bool IsEncoding(string text)
    {
        if (text == "auto")
        {
            return true;
        }

        try
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            _ = System.Text.Encoding.GetEncoding(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsDateFormat(string format)
    {
        if (!format.Contains('d', StringComparison.Ordinal) || !format.Contains('M', StringComparison.Ordinal) || !format.Contains('y', StringComparison.Ordinal))
        {
            return false;
        }

        var sample = new DateTime(2024, 11, 23).ToString(format, CultureInfo.InvariantCulture);
        return DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == new DateTime(2024, 11, 23);
    }

    private static YamlMappingNode? Parse(string file, ProfileErrorSink sink)
    {
        try
        {
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                return mapping;
            }

            sink.AddForFile(string.Empty, "a ДМС mapping must be one YAML document whose root is a mapping of fields.");
        }
        catch (YamlException exception)
        {
            sink.Add(exception.Start, string.Empty, $"YAML syntax error: {(exception.InnerException?.Message ?? exception.Message).Trim()}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sink.AddForFile(string.Empty, $"cannot read the file: {exception.Message}");
        }

        return null;
    }
}
