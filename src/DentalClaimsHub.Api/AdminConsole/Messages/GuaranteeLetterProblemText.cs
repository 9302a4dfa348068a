using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// A letter the guarantee-letter importer could not apply (<see cref="GuaranteeLetterProblem"/>) in the console user's language,
/// from its code with a <c>LetterProblem.*</c> text: a plan's status with the console's status label (<c>PlanStatus.*</c>),
/// amounts with the user's decimal comma, the insurer's id, codes and the domain's own English as given. Null in English, for
/// a code that is not the importer's or has no words, so the caller shows the stored line.
/// </summary>
public sealed class GuaranteeLetterProblemText(IStringLocalizer<ConsoleText> text)
{
    public string? Render(string code, IReadOnlyList<string>? args)
    {
        ArgumentNullException.ThrowIfNull(code);
        return GuaranteeLetterProblem.All.Contains(code)
            ? text.Words("LetterProblem", code, args ?? [], (i, value) => (code, i) switch
            {
                (GuaranteeLetterProblem.NotAwaiting or GuaranteeLetterProblem.AlreadyDecided, _) => text.Name("PlanStatus", value),
                (GuaranteeLetterProblem.AmountOverFee, 1 or 2) => StoredValue.Number(value),
                _ => value,
            })
            : null;
    }
}
