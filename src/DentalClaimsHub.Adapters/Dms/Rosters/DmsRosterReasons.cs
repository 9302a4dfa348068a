namespace DentalClaimsHub.Adapters.Dms.Rosters;

/// <summary>
/// The reasons the roster reader gives, each with its English wording; args are listed per code (cells and column titles
/// as the insurer wrote them, numbers and date formats invariant). The file layer's own messages (ZIP, XLSX, XML, CSV …)
/// get their codes from <see cref="DmsRosterReasonRecognition"/>.
/// </summary>
public static class DmsRosterReasons
{
    /// <summary>Rows of one-person blocks: a continuation row before any first row. No args.</summary>
    public const string ContinuationFirst = "continuation-first";

    /// <summary>The action cell says neither attach nor detach. No args (the cell is the row error's value).</summary>
    public const string ActionUnknown = "action-unknown";

    /// <summary>The action cell is empty and no section heading is above the row. No args.</summary>
    public const string ActionEmpty = "action-empty";

    /// <summary>No section heading above the row. No args.</summary>
    public const string NoSection = "no-section";

    public const string PolicyEmpty = "policy-empty";

    public const string FullNameEmpty = "full-name-empty";

    public const string FullNameShort = "full-name-short";

    public const string LastNameEmpty = "last-name-empty";

    public const string FirstNameEmpty = "first-name-empty";

    public const string NameTooLong = "name-too-long";

    /// <summary>Args: the date formats the mapping accepts.</summary>
    public const string NotADate = "not-a-date";

    public const string BirthDateEmpty = "birth-date-empty";

    public const string BirthDateImplausible = "birth-date-implausible";

    public const string FranchiseInvalid = "franchise-invalid";

    public const string LimitInvalid = "limit-invalid";

    public const string DetachedBeforeAttached = "detached-before-attached";

    public const string ValueTooLong = "value-too-long";

    public const string DetachmentDateMissing = "detachment-date-missing";

    public const string AttachmentDateMissing = "attachment-date-missing";

    /// <summary>File: a date above the table is not a date. Args: the fact (documentDate, periodFrom, periodTo, effectiveDate), then the formats.</summary>
    public const string HeaderDateInvalid = "header-date-invalid";

    /// <summary>File: the text above the table matches none of the mapping's kind patterns. No args.</summary>
    public const string KindUnknown = "kind-unknown";

    /// <summary>File: the header row lacks required columns. Args: their titles as the mapping names them.</summary>
    public const string HeaderColumnsMissing = "header-columns-missing";

    /// <summary>File: no header row. Args: how many rows were searched, the header cell's pattern.</summary>
    public const string NoHeader = "no-header";

    /// <summary>File: the file layer's message has no code of its own. Args: the message (English).</summary>
    public const string FileUnreadable = "file-unreadable";

    /// <summary>Codes of the file layer's messages, recognised from their English (<see cref="DmsRosterReasonRecognition"/>).</summary>
    public const string FileOds = "file-ods";

    public const string FileHtml = "file-html";

    /// <summary>Args: the line the quoted cell opened on.</summary>
    public const string CsvQuoteUnclosed = "csv-quote-unclosed";

    public const string ZipDamaged = "zip-damaged";

    /// <summary>Args: the ZIP entry's name.</summary>
    public const string ZipPasswordWrong = "zip-password-wrong";

    /// <summary>Args: the ZIP entry's name.</summary>
    public const string ZipPasswordMissing = "zip-password-missing";

    /// <summary>Args: the archive's entries.</summary>
    public const string ZipNoTable = "zip-no-table";

    /// <summary>Args: the candidate entries.</summary>
    public const string ZipSeveralTables = "zip-several-tables";

    public const string ZipHoldsFiles = "zip-holds-files";

    /// <summary>Args: the line, the position.</summary>
    public const string XmlBroken = "xml-broken";

    public const string XmlEmpty = "xml-empty";

    /// <summary>Args: the workbook format (XLSX, XLS).</summary>
    public const string WorkbookUnreadable = "workbook-unreadable";

    /// <summary>Args: the workbook format (XLSX, XLS).</summary>
    public const string WorkbookEncrypted = "workbook-encrypted";

    /// <summary>Args: the workbook format (XLSX, XLS), the last row read.</summary>
    public const string WorkbookDamaged = "workbook-damaged";

    /// <summary>Args: the sheet the mapping names, the sheets there are.</summary>
    public const string SheetMissing = "sheet-missing";

    /// <summary>Args: the encoding's name as the mapping gives it.</summary>
    public const string EncodingUnknown = "encoding-unknown";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ContinuationFirst, ActionUnknown, ActionEmpty, NoSection, PolicyEmpty, FullNameEmpty, FullNameShort, LastNameEmpty, FirstNameEmpty,
        NameTooLong, NotADate, BirthDateEmpty, BirthDateImplausible, FranchiseInvalid, LimitInvalid, DetachedBeforeAttached, ValueTooLong,
        DetachmentDateMissing, AttachmentDateMissing, HeaderDateInvalid, KindUnknown, HeaderColumnsMissing, NoHeader, FileUnreadable,
        FileOds, FileHtml, CsvQuoteUnclosed, ZipDamaged, ZipPasswordWrong, ZipPasswordMissing, ZipNoTable, ZipSeveralTables, ZipHoldsFiles,
        XmlBroken, XmlEmpty, WorkbookUnreadable, WorkbookEncrypted, WorkbookDamaged, SheetMissing, EncodingUnknown,
    ];

    // The English of the reasons without values, as the reader has always written them.
    internal static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ContinuationFirst] = "a continuation row (its first cell empty) comes before any person's first row.",
        [ActionUnknown] = "says neither attach nor detach in this insurer's words.",
        [ActionEmpty] = "the row does not say whether it attaches or detaches (the cell is empty and no section heading is above it).",
        [NoSection] = "no section heading above the row says whether it attaches or detaches.",
        [PolicyEmpty] = "the policy number is empty.",
        [FullNameEmpty] = "ФИО is empty.",
        [FullNameShort] = "ФИО needs at least a last and a first name.",
        [LastNameEmpty] = "the last name is empty.",
        [FirstNameEmpty] = "the first name is empty.",
        [NameTooLong] = "a name part is longer than a roster allows (last 60, first 35 characters).",
        [BirthDateEmpty] = "the birth date is empty.",
        [BirthDateImplausible] = "the birth date is not plausible.",
        [FranchiseInvalid] = "the franchise is not a percentage from 0 to 100.",
        [LimitInvalid] = "the limit is not an amount in roubles (e.g. 150 000,00).",
        [DetachedBeforeAttached] = "the detachment date is before the attachment date.",
        [ValueTooLong] = "a value is longer than a roster allows (policy 60, programme 300 characters).",
        [DetachmentDateMissing] = "a detachment needs its date: the row has none and the text above the table gives none.",
        [AttachmentDateMissing] = "an attachment needs its date: the row has none and the text above the table gives none.",
        [KindUnknown] = "cannot tell whether the file attaches, detaches or lists everyone: the text above the table matches none of the mapping's kind patterns.",
    };

    /// <summary>A reason without values.</summary>
    public static DmsRosterReason Of(string code) => new(code, [], Fixed[code]);

    public static DmsRosterReason NotADateIn(IReadOnlyList<string> formats) =>
        new(NotADate, [.. formats], $"not a date in {string.Join(" or ", formats)}.");

    public static DmsRosterReason HeaderDateNotADate(string fact, IReadOnlyList<string> formats) =>
        new(HeaderDateInvalid, [fact, .. formats], $"the {fact} above the table is not a date in {string.Join(" or ", formats)}.");

    public static DmsRosterReason Unreadable(string message) => new(FileUnreadable, [message], message);
}
