using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.Dms;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// A row an insurer's file reader left out (<see cref="DmsRowFinding"/>) in the console user's language: the row and the
/// insurer's column title as given, the reason worded from its code like a roster's (<see cref="RosterReasonText"/>); a letter
/// the guarantee-letter importer could not apply has no column and its own words (<see cref="GuaranteeLetterProblemText"/>).
/// In English, or for a reason without words, it reads as stored.
/// </summary>
public sealed class DmsRowFindingText(IStringLocalizer<ConsoleText> text, RosterReasonText reasons, GuaranteeLetterProblemText letters)
{
    public string Render(DmsRowFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Code is null || CodedText.InEnglish)
        {
            return finding.Text;
        }

        var reason = GuaranteeLetterProblem.All.Contains(finding.Code)
            ? letters.Render(finding.Code, finding.Args) ?? finding.Text
            : reasons.Render(finding.Text, finding.Code, finding.Args);
        return ReferenceEquals(reason, finding.Text) ? finding.Text
            : finding.Column is null ? text["LetterProblem.Row", finding.Row, reason].Value
            : text["Message.RowFinding", finding.Row, finding.Column, reason].Value;
    }
}
