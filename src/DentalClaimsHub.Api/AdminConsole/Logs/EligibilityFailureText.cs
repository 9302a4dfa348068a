using System.Globalization;
using DentalClaimsHub.Api.Eligibility;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>
/// Why an eligibility check failed, in the console user's language: the failure code in words, then the hub's own reason
/// (<see cref="EligibilityFailureReasons"/>) worded per culture, or the adapter's account of the payer's answer, shown as given
/// and, outside English, framed as the payer's details.
/// </summary>
public sealed class EligibilityFailureText(IStringLocalizer<ConsoleText> text)
{
    public string Render(string? code, string? reason)
    {
        if (code is null)
        {
            return reason ?? "";
        }

        var failure = text["EligibilityFailure." + code] is { ResourceNotFound: false } label ? label.Value : code;
        if (reason is null)
        {
            return failure;
        }

        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return failure + ": " + reason;
        }

        var words = EligibilityFailureReasons.Keys.TryGetValue(reason, out var key)
            ? text["EligibilityReason." + key].Value
            : string.Format(CultureInfo.CurrentCulture, text["EligibilityReason.payer-details"], reason);
        return failure + ": " + words;
    }
}
