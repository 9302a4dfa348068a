using System.Globalization;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// A letter the guarantee-letter importer could not apply (<see cref="GuaranteeLetterProblem"/>) in the console user's language,
/// from its code with a <c>LetterProblem.*</c> text: a plan's status with the console's status label (<c>PlanStatus.*</c>),
/// amounts with the user's decimal comma, the insurer's id, codes and the domain's own English as given. Null for a code
/// without words, so the caller shows the stored line.
/// </summary>
public sealed class GuaranteeLetterProblemText(IStringLocalizer<ConsoleText> text)
{
    public string? Render(string code, IReadOnlyList<string>? args)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!GuaranteeLetterProblem.All.Contains(code) || text["LetterProblem." + code] is not { ResourceNotFound: false } template)
        {
            return null;
        }

        var values = args ?? [];
        return string.Format(CultureInfo.CurrentCulture, template.Value, [.. code switch
        {
            GuaranteeLetterProblem.NotAwaiting or GuaranteeLetterProblem.AlreadyDecided => values.Select(Status),
            GuaranteeLetterProblem.AmountOverFee => values.Select((v, i) => i is 1 or 2 ? Amount(v) : v),
            _ => values,
        }]);
    }

    private string Status(string status) =>
        text["PlanStatus." + status] is { ResourceNotFound: false } label ? label.Value : status;

    private static string Amount(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var sum) ? sum.ToString("N2", CultureInfo.CurrentCulture) : value;
}
