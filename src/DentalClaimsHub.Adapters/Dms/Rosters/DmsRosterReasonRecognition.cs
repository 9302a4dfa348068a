using System.Text.RegularExpressions;
using static DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons;

namespace DentalClaimsHub.Adapters.Dms.Rosters;

/// <summary>
/// Finds the code of a roster reason from its English: the file layer's messages (which many readers share and which carry
/// no code) when the roster reader wraps them, and row errors stored before codes existed when the console reads them.
/// Null when the text is none of them.
/// </summary>
public static partial class DmsRosterReasonRecognition
{
    private static readonly (string Code, Regex Pattern)[] Patterns =
    [
        (NotADate, NotADatePattern()),
        (HeaderDateInvalid, HeaderDatePattern()),
        (HeaderColumnsMissing, HeaderColumnsPattern()),
        (NoHeader, NoHeaderPattern()),
        (FileOds, OdsPattern()),
        (FileHtml, HtmlPattern()),
        (CsvQuoteUnclosed, CsvQuotePattern()),
        (ZipDamaged, ZipDamagedPattern()),
        (ZipPasswordWrong, ZipPasswordWrongPattern()),
        (ZipPasswordMissing, ZipPasswordMissingPattern()),
        (ZipNoTable, ZipNoTablePattern()),
        (ZipSeveralTables, ZipSeveralPattern()),
        (ZipHoldsFiles, ZipHoldsFilesPattern()),
        (XmlBroken, XmlBrokenPattern()),
        (XmlEmpty, XmlEmptyPattern()),
        (WorkbookUnreadable, WorkbookUnreadablePattern()),
        (WorkbookEncrypted, WorkbookEncryptedPattern()),
        (WorkbookDamaged, WorkbookDamagedPattern()),
        (SheetMissing, SheetMissingPattern()),
        (EncodingUnknown, EncodingPattern()),
    ];

    public static DmsRosterReason? Recognise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (code, english) in Fixed)
        {
            if (english == text)
            {
                return new(code, [], text);
            }
        }

        foreach (var (code, pattern) in Patterns)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                var args = match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).ToList();
                // A list of date formats ("a or b or c") is kept as one value per format, as the reader stores it.
                return new(code, code switch
                {
                    NotADate or HeaderDateInvalid => [.. args.SkipLast(1).Select(g => g.Value), .. args[^1].Value.Split(" or ")],
                    // "policy (Номер полиса), fullName (ФИО)": the titles, as the insurer's file would show them.
                    HeaderColumnsMissing => [.. MissingColumnPattern().Matches(args[0].Value).Select(m => m.Groups[1].Value)],
                    _ => [.. args.Select(g => g.Value)],
                }, text);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^not a date in (.+)\.$")]
    private static partial Regex NotADatePattern();

    [GeneratedRegex(@"^the (\w+) above the table is not a date in (.+)\.$")]
    private static partial Regex HeaderDatePattern();

    [GeneratedRegex(@"^the header row lacks (.+)\.$")]
    private static partial Regex HeaderColumnsPattern();

    [GeneratedRegex(@"\w+ \(([^()]*)\)")]
    private static partial Regex MissingColumnPattern();

    [GeneratedRegex(@"^no header row: none of the first (\d+) non-empty rows has a cell matching '(.*)'\.$")]
    private static partial Regex NoHeaderPattern();

    [GeneratedRegex(@"^The file is an OpenDocument spreadsheet")]
    private static partial Regex OdsPattern();

    [GeneratedRegex(@"^The file is an HTML page, not a spreadsheet")]
    private static partial Regex HtmlPattern();

    [GeneratedRegex(@"^The quoted cell opened on line (\d+) is never closed\.$")]
    private static partial Regex CsvQuotePattern();

    [GeneratedRegex(@"^The ZIP archive is damaged(?: or not a ZIP archive)?\.$")]
    private static partial Regex ZipDamagedPattern();

    [GeneratedRegex(@"^The ZIP password is wrong for (.+)\.$")]
    private static partial Regex ZipPasswordWrongPattern();

    [GeneratedRegex(@"^The ZIP archive is protected with a password and none was given \((.+)\)\.$")]
    private static partial Regex ZipPasswordMissingPattern();

    [GeneratedRegex(@"^The ZIP archive holds no spreadsheet, CSV or XML file \(entries: (.*)\)\.$")]
    private static partial Regex ZipNoTablePattern();

    [GeneratedRegex(@"^The ZIP archive holds several files that could be the one to read: (.+)\.$")]
    private static partial Regex ZipSeveralPattern();

    [GeneratedRegex(@"^The file is a ZIP archive holding other files")]
    private static partial Regex ZipHoldsFilesPattern();

    [GeneratedRegex(@"^The XML is broken at line (\d+), position (\d+)\.$")]
    private static partial Regex XmlBrokenPattern();

    [GeneratedRegex(@"^The XML is empty or has no root element\.$")]
    private static partial Regex XmlEmptyPattern();

    [GeneratedRegex(@"^The file is not a readable (XLSX|XLS) workbook")]
    private static partial Regex WorkbookUnreadablePattern();

    [GeneratedRegex(@"^The (XLSX|XLS) workbook is protected with a password")]
    private static partial Regex WorkbookEncryptedPattern();

    [GeneratedRegex(@"^The (XLSX|XLS) workbook is damaged after row (\d+)\.$")]
    private static partial Regex WorkbookDamagedPattern();

    [GeneratedRegex(@"^The workbook has no sheet '(.*)' \(sheets: (.*)\)\.$")]
    private static partial Regex SheetMissingPattern();

    [GeneratedRegex(@"^Unknown text encoding '(.*)'\.$")]
    private static partial Regex EncodingPattern();
}
