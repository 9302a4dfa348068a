using System.Globalization;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Api.Eligibility;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>
/// Why an eligibility check failed, in the console user's language: the failure code in words, then the reason worded from its
/// stored code (the hub's own, <see cref="EligibilityFailureReasons"/>, or an adapter's, <see cref="PayerReasons"/>) with the values
/// it names as given. A check failed before codes existed is recognised by its English (<see cref="StoredEligibilityReasons"/>);
/// any other reason is shown as given, framed as the payer's details. In English the stored sentence reads as the API says it.
/// </summary>
public sealed class EligibilityFailureText(IStringLocalizer<ConsoleText> text)
{
    public string Render(string? code, string? reason, string? reasonCode = null, IReadOnlyList<string>? reasonArgs = null)
    {
        if (code is null)
        {
            return reason ?? "";
        }

        var failure = text.Name("EligibilityFailure", code);
        if (reason is null)
        {
            return failure;
        }

        if (CodedText.InEnglish)
        {
            return failure + ": " + reason;
        }

        // A code this version has no words for (written by a newer hub), or values that do not fill its words, falls back to the English.
        return failure + ": " + (text.Words("EligibilityReason", reasonCode, reasonArgs ?? []) ?? Uncoded(reason));
    }

    // Stored before reasons carried a code: read back by the sentence.
    private string Uncoded(string reason) =>
        EligibilityFailureReasons.Keys.TryGetValue(reason, out var key) ? text["EligibilityReason." + key].Value
        : StoredEligibilityReasons.Recognise(reason) is { } read ? text.Words("EligibilityReason", read.Key, read.Args) ?? reason
        : string.Format(CultureInfo.CurrentCulture, text["EligibilityReason.payer-details"], reason);
}
