using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.Dms;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// Reads back a ДМС file's finding stored before findings carried codes, as its plain English line: an act's row
/// (<c>Row 3 [Сумма]: reason</c>) or a guarantee-letter answer's row or letter (<c>row 3: reason</c>), so the message page can
/// word it like a coded one (<see cref="DmsRowFindingText"/>). A line whose reason is none of the hub's own gives null and
/// reads as stored.
/// </summary>
public static partial class StoredRowFindings
{
    public static DmsRowFinding? Recognise(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (ActLine().Match(stored) is { Success: true } act)
        {
            var reason = act.Groups[3].Value;
            return Finding(stored, act.Groups[1].Value, act.Groups[2].Value, DmsActReasons.Recognise(reason) ?? Date(reason));
        }

        if (LetterLine().Match(stored) is { Success: true } letter)
        {
            var reason = letter.Groups[2].Value;
            if (GuaranteeLetterProblem.Recognise(reason) is { } problem)
            {
                return Finding(stored, letter.Groups[1].Value, null, new DmsRosterReason(problem.Code, problem.Args, problem.Text));
            }

            return Finding(stored, letter.Groups[1].Value, null,
                DmsGuaranteeLetterReasons.Recognise(reason) ?? DmsActReasons.Recognise(reason) ?? Date(reason));
        }

        return null;
    }

    // Of the roster's reasons only the date's is one an act or a letter gives.
    private static DmsRosterReason? Date(string reason) =>
        DmsRosterReasonRecognition.Recognise(reason) is { Code: DmsRosterReasons.NotADate } date ? date : null;

    private static DmsRowFinding? Finding(string stored, string row, string? column, DmsRosterReason? reason) =>
        reason is null ? null : new(stored, int.Parse(row, CultureInfo.InvariantCulture), column, reason.Code, reason.Args);

    [GeneratedRegex(@"^Row (\d{1,9}) \[(.*?)\]: (.+)$", RegexOptions.Singleline)]
    private static partial Regex ActLine();

    [GeneratedRegex(@"^row (\d{1,9}): (.+)$", RegexOptions.Singleline)]
    private static partial Regex LetterLine();
}
