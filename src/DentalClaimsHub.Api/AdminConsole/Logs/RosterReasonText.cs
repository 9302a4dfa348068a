using System.Globalization;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>
/// A roster import's failure or a row's reason in the console user's language: worded from its code
/// (<see cref="DmsRosterReasons"/>, <see cref="RosterImportReasons"/>) with a <c>RosterReason.*</c> text, the insurer's
/// column titles and cells as given, date formats in Russian letters (ДД.ММ.ГГГГ). In English it reads as stored; a reason
/// stored before codes is recognised by its English, and one that is not reads as stored.
/// </summary>
public sealed class RosterReasonText(IStringLocalizer<ConsoleText> text)
{
    public string Render(RosterImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Render(error.Reason, error.Code, error.Args);
    }

    public string Render(string? stored, string? code, IReadOnlyList<string>? args)
    {
        if (stored is null || CodedText.InEnglish)
        {
            return stored ?? "";
        }

        if (code is null && RosterImportReasons.Recognise(stored) is { } recognised)
        {
            (code, args) = (recognised.Code, recognised.Args);
        }

        return code is null ? stored : text.Words("RosterReason", code, Words(code, args ?? [])) ?? stored;
    }

    // Values that are not shown as given: date formats joined with "or", a header fact by its name, the missing titles quoted.
    private IReadOnlyList<string> Words(string code, IReadOnlyList<string> args) => code switch
    {
        DmsRosterReasons.NotADate => [Formats(args)],
        DmsRosterReasons.HeaderDateInvalid when args.Count > 0 => [text.Name("RosterFact", args[0]), Formats(args.Skip(1))],
        DmsRosterReasons.HeaderColumnsMissing => [string.Join(", ", args.Select(title => $"«{title}»"))],
        // The act's sums are kept invariant (2500.00) and read with the user's decimal comma.
        DentalClaimsHub.Adapters.Dms.Acts.DmsActReasons.AmountsDoNotAddUp => [.. args.Select(a => StoredValue.Number(a))],
        _ => args,
    };

    // "dd.MM.yyyy" as a Russian form asks for a date: ДД.ММ.ГГГГ.
    private string Formats(IEnumerable<string> formats) =>
        string.Join(" " + text["RosterFact.Or"].Value + " ", formats.Select(f => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru"
            ? f.Replace('d', 'Д').Replace('M', 'М').Replace('y', 'Г')
            : f));
}
