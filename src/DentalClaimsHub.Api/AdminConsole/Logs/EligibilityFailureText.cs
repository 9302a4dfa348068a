using System.Globalization;
using DentalClaimsHub.Api.Eligibility;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>
/// Why an eligibility check failed, in the console user's language: the failure code in words, then the hub's own reason
/// (<see cref="EligibilityFailureReasons"/>) or an adapter's account of the payer's answer (<see cref="StoredEligibilityReasons"/>)
/// worded per culture with the payer's values as given; any other reason shown as given, framed as the payer's details.
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

        var words = EligibilityFailureReasons.Keys.TryGetValue(reason, out var key) ? text["EligibilityReason." + key].Value
            : StoredEligibilityReasons.Recognise(reason) is { } read
                ? string.Format(CultureInfo.CurrentCulture, text["EligibilityReason." + read.Key], [.. read.Args])
                : string.Format(CultureInfo.CurrentCulture, text["EligibilityReason.payer-details"], reason);
        return failure + ": " + words;
    }
}
