using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Tables;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Rosters;

namespace DentalClaimsHub.Adapters.Dms.Rosters;

/// <summary>
/// Reads an insurer's roster file with its <see cref="DmsRosterLayout"/>: unwraps a (password) ZIP, detects the format,
/// finds the header, tells attach / detach / full list from the text above it, then streams the people — ФИО joined or
/// split, dates in the insurer's formats, programme translated, franchise and exclusions pulled from free text. A bad row
/// becomes a <see cref="DmsRowError"/> and reading goes on; a file with no usable table throws <see cref="DmsRosterException"/>.
/// </summary>
public sealed class DmsRosterReader : IDisposable
{
    private readonly DmsRosterLayout layout;
    private readonly DmsTableCursor cursor;
    private readonly string preambleText;
    private readonly DmsTableFile file;

    // Rows of one file repeat a handful of programme and free-text values: read each distinct text once.
    private readonly Dictionary<string, (string Code, string Name)> programs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal? Franchise, string? Bad, string[] Exclusions)> freeTexts = new(StringComparer.Ordinal);

    private DmsRosterReader(DmsRosterLayout layout, DmsTableCursor cursor, DmsRosterHeader header, DmsTableFile file)
    {
        this.layout = layout;
        this.cursor = cursor;
        this.file = file;
        Header = header;
        preambleText = string.Join('\n', cursor.Preamble);
    }

    public DmsRosterHeader Header { get; }

    /// <summary>The number of the last row read so far (for progress).</summary>
    public int LastRow => cursor.LastRow;

    /// <summary>Opens <paramref name="content"/> (left open) and reads up to the header.</summary>
    /// <param name="fullListDate">The date a full list speaks for when its text gives none (the clinic's today).</param>
    public static DmsRosterReader Open(Stream content, string fileName, DmsRosterLayout layout, string? zipPassword = null,
        DateOnly? fullListDate = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        DmsTableFile? file = null;
        try
        {
            file = DmsTableFile.Open(content, fileName, layout.Table, "rosters", zipPassword);
            // The file layer detects on more than the head and honours an XML declaration; the head's guess is for the report.
            var encoding = file.Format is DmsFileFormat.Csv or DmsFileFormat.Xml
                ? layout.Table.Encoding ?? DmsFile.DetectEncoding(file.Head).WebName
                : null;
            var required = layout.JoinedName ? new[] { "policy", "fullName" } : ["policy", "lastName", "firstName"];
            var cursor = DmsTableCursor.Open(file.Rows(layout.Table, zipPassword), layout.Table, required);
            var header = ReadHeader(layout, cursor, file.Format, encoding, file.FileName, fullListDate);
            return new DmsRosterReader(layout, cursor, header, file);
        }
        catch (DmsFileException exception)
        {
            file?.Dispose();
            throw DmsRosterException.Of(exception, exception.Row);
        }
        catch (DmsTableException exception)
        {
            file?.Dispose();
            throw DmsRosterException.Of(exception, exception.Row);
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    /// <summary>The people, one entry per data row, in file order.</summary>
    public IEnumerable<DmsRosterEntry> Entries() => layout.Blocks is null ? Rows().Select(row => row.Entry) : Blocks(Rows());

    // One-person blocks: the rows of one date are the person's programmes on that date (a membership per programme); a
    // continuation row with a later date ends every period above it that is still open on that date ("from 15.12 the
    // programme is …"), since a later date lists the person's programmes anew. A block is a few rows.
    private static IEnumerable<DmsRosterEntry> Blocks(IEnumerable<(DmsRosterEntry Entry, bool StartsBlock)> rows)
    {
        var block = new List<DmsRosterEntry>();
        foreach (var (entry, startsBlock) in rows)
        {
            if (startsBlock || block.Count >= 1_000)
            {
                foreach (var done in block)
                {
                    yield return done;
                }

                block.Clear();
            }

            if (entry.Member is { AttachedFrom: { } from } member)
            {
                for (var i = 0; i < block.Count; i++)
                {
                    if (block[i].Member is { DetachedFrom: null, AttachedFrom: { } earlier } previous && earlier < from
                        && previous.PolicyKey == member.PolicyKey && previous.Name.NormalisedKey == member.Name.NormalisedKey)
                    {
                        block[i] = block[i] with { Member = previous with { DetachedFrom = from } };
                    }
                }
            }

            block.Add(entry);
        }

        foreach (var done in block)
        {
            yield return done;
        }
    }

    private IEnumerable<(DmsRosterEntry Entry, bool StartsBlock)> Rows()
    {
        IEnumerator<DmsRecord> records;
        try
        {
            records = cursor.Records().GetEnumerator();
        }
        catch (DmsFileException exception)
        {
            throw DmsRosterException.Of(exception, exception.Row);
        }

        using (records)
        {
            RosterKind? section = null;
            DmsRecord? blockStart = null;
            while (true)
            {
                try
                {
                    if (!records.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (DmsFileException exception)
                {
                    throw DmsRosterException.Of(exception, exception.Row ?? cursor.LastRow);
                }

                var record = records.Current;
                if (layout.RowKinds is { Sections: true } sections && SectionHeading(record, sections) is { } heading)
                {
                    section = heading;
                    continue;
                }

                var startsBlock = true;
                if (layout.Blocks is { } blocks)
                {
                    if (record[blocks.Start] is not null)
                    {
                        blockStart = record;
                    }
                    else if (blockStart is null)
                    {
                        yield return (new DmsRosterEntry(record.Row, null, new DmsRowError(record.Row, Title(blocks.Start), null,
                            DmsRosterReasons.Of(DmsRosterReasons.ContinuationFirst))), true);
                        continue;
                    }
                    else
                    {
                        record = record.CarryFrom(blockStart, blocks.Carry);
                        startsBlock = false;
                    }
                }

                if (Header.Kind != RosterKind.Mixed)
                {
                    yield return (Read(record, Header.Kind), startsBlock);
                    continue;
                }

                var (kind, error) = RowKind(record, section);
                yield return (error is not null ? new DmsRosterEntry(record.Row, null, error) { Kind = RosterKind.Mixed } : Read(record, kind), startsBlock);
            }
        }
    }

    // A section heading: a row whose only filled cell says attach or detach ("Прикрепление с 01.12.2026", "ОТКРЕПИТЬ:").
    private static RosterKind? SectionHeading(DmsRecord record, DmsRowKindLayout rowKinds)
    {
        using var filled = record.Filled.GetEnumerator();
        if (!filled.MoveNext())
        {
            return null;
        }

        var text = filled.Current;
        return filled.MoveNext() ? null
            : rowKinds.Detach.IsMatch(text) ? RosterKind.Detach
            : rowKinds.Attach.IsMatch(text) ? RosterKind.Attach
            : null;
    }

    private (RosterKind Kind, DmsRowError? Error) RowKind(DmsRecord record, RosterKind? section)
    {
        var rowKinds = layout.RowKinds!;
        if (rowKinds.Column && record["action"] is { } action)
        {
            return rowKinds.Detach.IsMatch(action) ? (RosterKind.Detach, null)
                : rowKinds.Attach.IsMatch(action) ? (RosterKind.Attach, null)
                : (RosterKind.Mixed, new DmsRowError(record.Row, Title("action"), action, DmsRosterReasons.Of(DmsRosterReasons.ActionUnknown)));
        }

        return section is { } kind
            ? (kind, null)
            : (RosterKind.Mixed, new DmsRowError(record.Row, Title(rowKinds.Column ? "action" : "policy"), null,
                DmsRosterReasons.Of(rowKinds.Column ? DmsRosterReasons.ActionEmpty : DmsRosterReasons.NoSection)));
    }

    public void Dispose()
    {
        cursor.Dispose();
        file.Dispose();
    }

    private DmsRosterEntry Read(DmsRecord record, RosterKind kind)
    {
        var row = record.Row;
        DmsRosterEntry Error(string field, string? value, string code) => Reason(field, value, DmsRosterReasons.Of(code));
        DmsRosterEntry Reason(string field, string? value, DmsRosterReason reason) =>
            new(row, null, new DmsRowError(row, Title(field), value, reason)) { Kind = kind };

        var policy = record["policy"];
        if (policy is null)
        {
            return Error("policy", null, DmsRosterReasons.PolicyEmpty);
        }

        PersonName? name;
        if (layout.JoinedName)
        {
            var full = record["fullName"];
            if (!PersonName.TryParseJoined(full, out name))
            {
                return Error("fullName", full, full is null ? DmsRosterReasons.FullNameEmpty : DmsRosterReasons.FullNameShort);
            }
        }
        else
        {
            var (last, first) = (record["lastName"], record["firstName"]);
            if (last is null || first is null)
            {
                return Error(last is null ? "lastName" : "firstName", null, last is null ? DmsRosterReasons.LastNameEmpty : DmsRosterReasons.FirstNameEmpty);
            }

            try
            {
                name = new PersonName(last, first, record["middleName"]);
            }
            catch (DomainException)
            {
                return Error("lastName", $"{last} {first}", DmsRosterReasons.NameTooLong);
            }
        }

        var birth = record["birthDate"];
        DateOnly? birthDate = null;
        if (birth is not null)
        {
            if (ParseDate(birth) is not { } parsed)
            {
                return Reason("birthDate", birth, DmsRosterReasons.NotADateIn(layout.Table.DateFormats));
            }

            birthDate = parsed;
        }
        else if (kind != RosterKind.Detach)
        {
            return Error("birthDate", null, DmsRosterReasons.BirthDateEmpty);
        }

        if (birthDate is { } born && (born.Year < 1900 || born > Header.AsOf?.AddYears(1)))
        {
            return Error("birthDate", birth, DmsRosterReasons.BirthDateImplausible);
        }

        var dates = ReadPeriod(record, kind, out var dateError);
        if (dateError is not null)
        {
            return new DmsRosterEntry(row, null, dateError) { Kind = kind };
        }

        var (attachedFrom, detachedFrom) = dates;
        var (programCode, programName) = Program(record["program"]);
        var freeText = string.Join('\n', new[] { record["program"], record["notes"] }.OfType<string>());
        if (freeText.Length == 0)
        {
            freeText = preambleText;
        }

        var (franchise, badFranchise, exclusions) = FreeText(freeText);
        if (badFranchise is not null)
        {
            return Error(record["notes"] is null ? "program" : "notes", badFranchise, DmsRosterReasons.FranchiseInvalid);
        }

        decimal? limit = null;
        if (record["limit"] is { } limitText)
        {
            limit = DmsGuaranteeLetterReader.ParseMoney(limitText);
            if (limit is null)
            {
                return Error("limit", limitText, DmsRosterReasons.LimitInvalid);
            }
        }

        try
        {
            var member = new RosterMember(policy, name, birthDate)
            {
                Sex = SexOf(record["sex"]),
                ProgramCode = programCode,
                ProgramName = programName,
                AttachedFrom = attachedFrom,
                DetachedFrom = detachedFrom,
                Clinic = record["clinic"],
                FranchisePercent = franchise,
                Limit = limit,
                Exclusions = exclusions,
                Policyholder = record["policyholder"] ?? Header.Policyholder,
                Phone = record["phone"],
                Address = record["address"],
            };
            return new DmsRosterEntry(row, member, null) { Kind = kind };
        }
        catch (DomainException exception) when (exception.ParamName == nameof(RosterMember.DetachedFrom))
        {
            return Error(layout.Table.Columns.ContainsKey("detachedFrom") ? "detachedFrom" : "servedUntil", record["detachedFrom"] ?? record["servedUntil"],
                DmsRosterReasons.DetachedBeforeAttached);
        }
        catch (DomainException)
        {
            return Error("policy", null, DmsRosterReasons.ValueTooLong);
        }
    }

    private (DateOnly? From, DateOnly? To) ReadPeriod(DmsRecord record, RosterKind kind, out DmsRowError? error)
    {
        error = null;
        DateOnly? Cell(string field, out DmsRowError? problem)
        {
            problem = null;
            var text = record[field];
            if (text is null)
            {
                return null;
            }

            var date = ParseDate(text);
            if (date is null)
            {
                problem = new DmsRowError(record.Row, Title(field), text, DmsRosterReasons.NotADateIn(layout.Table.DateFormats));
            }

            return date;
        }

        var from = Cell("attachedFrom", out error);
        if (error is not null)
        {
            return default;
        }

        var to = Cell("detachedFrom", out error);
        if (error is not null)
        {
            return default;
        }

        var until = Cell("servedUntil", out error);
        if (error is not null)
        {
            return default;
        }

        to ??= until?.AddDays(1);
        switch (kind)
        {
            case RosterKind.Detach:
                to ??= Header.AsOf;
                if (to is null)
                {
                    error = new DmsRowError(record.Row, Title("detachedFrom"), null,
                        DmsRosterReasons.Of(DmsRosterReasons.DetachmentDateMissing));
                }

                break;
            default:
                from ??= Header.AsOf ?? Header.PeriodFrom;
                if (from is null && kind == RosterKind.Attach)
                {
                    error = new DmsRowError(record.Row, Title("attachedFrom"), null,
                        DmsRosterReasons.Of(DmsRosterReasons.AttachmentDateMissing));
                    return default;
                }

                if (to is null && Header.PeriodTo is { } end && (from is null || end >= from))
                {
                    to = end.AddDays(1);
                }

                break;
        }

        return (from, to);
    }

    private (string? Code, string? Name) Program(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        if (programs.TryGetValue(text, out var known))
        {
            return known;
        }

        var translated = layout.Programs.FirstOrDefault(rule => rule.Match.IsMatch(text)) is { } rule
            ? (rule.Code, rule.Name)
            : (text.Length <= 60 ? text : text[..60], text.Length <= 300 ? text : text[..300]);
        if (programs.Count < 10_000)
        {
            programs[text] = translated;
        }

        return translated;
    }

    private (decimal? Franchise, string? Bad, string[] Exclusions) FreeText(string text)
    {
        if (freeTexts.TryGetValue(text, out var known))
        {
            return known;
        }

        decimal? franchise = null;
        string? bad = null;
        if (layout.Franchise?.Match(text) is { Success: true } match)
        {
            var percent = match.Groups["percent"].Value.Replace(',', '.');
            if (decimal.TryParse(percent, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
            {
                franchise = value;
            }
            else
            {
                bad = match.Value;
            }
        }

        var exclusions = layout.Exclusions.SelectMany(pattern => pattern.Matches(text)).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var read = (franchise, bad, exclusions);
        if (freeTexts.Count < 10_000)
        {
            freeTexts[text] = read;
        }

        return read;
    }

    private Sex SexOf(string? text)
    {
        if (text is null)
        {
            return Sex.Unknown;
        }

        var value = text.Trim().TrimEnd('.');
        return layout.Male.Contains(value, StringComparer.OrdinalIgnoreCase) ? Sex.Male
            : layout.Female.Contains(value, StringComparer.OrdinalIgnoreCase) ? Sex.Female
            : Sex.Unknown;
    }

    private DateOnly? ParseDate(string text) => ParseDate(text, layout.Table.DateFormats);

    internal static DateOnly? ParseDate(string text, IReadOnlyList<string> formats)
    {
        var value = text.Trim();
        // Spreadsheet date cells come as "dd.MM.yyyy HH:mm:ss" when they carry a time; a midnight time says nothing.
        if (value.EndsWith(" 00:00:00", StringComparison.Ordinal))
        {
            value = value[..^9];
        }

        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    private string Title(string field) =>
        layout.Table.Columns.TryGetValue(field, out var aliases) && aliases.Count > 0 ? aliases[0] : field;

    private static DmsRosterHeader ReadHeader(DmsRosterLayout layout, DmsTableCursor cursor, DmsFileFormat format, string? encoding, string fileName,
        DateOnly? fullListDate)
    {
        var text = string.Join('\n', cursor.Preamble);
        string? Fact(string name) =>
            layout.Preamble.TryGetValue(name, out var pattern) && pattern.Match(text) is { Success: true } match
                ? match.Groups["value"].Value.Trim()
                : null;
        DateOnly? DateFact(string name)
        {
            var value = Fact(name);
            if (value is null)
            {
                return null;
            }

            return ParseDate(value, layout.Table.DateFormats)
                ?? throw new DmsRosterException(DmsRosterReasons.HeaderDateNotADate(name, layout.Table.DateFormats), cursor.HeaderRow);
        }

        var kindText = $"{text}\n{Path.GetFileNameWithoutExtension(fileName)}";
        RosterKind? kind = null;
        foreach (var candidate in new[] { RosterKind.Mixed, RosterKind.Detach, RosterKind.Attach, RosterKind.Full })
        {
            if (layout.Kinds.TryGetValue(candidate, out var pattern) && pattern.IsMatch(kindText))
            {
                kind = candidate;
                break;
            }
        }

        kind ??= layout.DefaultKind
            ?? throw new DmsRosterException(DmsRosterReasons.Of(DmsRosterReasons.KindUnknown), cursor.HeaderRow);
        var documentDate = DateFact("documentDate");
        var periodFrom = DateFact("periodFrom");
        var periodTo = DateFact("periodTo");
        return new DmsRosterHeader(kind.Value, format, encoding, cursor.HeaderRow, Fact("documentNumber"), documentDate, Fact("contract"),
            Fact("policyholder"), DateFact("effectiveDate") ?? (kind == RosterKind.Full ? documentDate ?? periodFrom ?? fullListDate : null), periodFrom, periodTo);
    }
}
