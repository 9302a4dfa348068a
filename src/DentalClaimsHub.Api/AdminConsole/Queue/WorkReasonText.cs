using DentalClaimsHub.Api.AdminConsole.X12View;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Queue;

/// <summary>
/// A work reason in the console user's language: its key (the message and the payer's code, which billing staff search by)
/// followed by what the code means — <c>277CA A7:21: missing or invalid information</c>, <c>835 CO-50: …</c>; the words come
/// from <see cref="X12CodeExplainer"/> or <c>WorkReason.*</c> texts. Codes that are our own words (<c>835 denied</c>,
/// <c>FHIR error</c>, a ДМС refusal category) are replaced by what they mean: <c>835: denied without an adjustment code</c>.
/// </summary>
public sealed class WorkReasonText(IStringLocalizer<ConsoleText> text, X12CodeExplainer explain)
{
    public string Label(WorkReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var code = reason.Code;
        var words = reason.Source switch
        {
            "TA1" => text["WorkReason.TA1"].Value,
            "999" when code.StartsWith("IK5 ", StringComparison.Ordinal) => explain.TransactionResult(code[4..]),
            "277CA" or "277" when code.Length > 0 => Status(code),
            "835" or "ДМС" when Adjustment(code) is { } carc => explain.Carc(carc),
            "835" => text["WorkReason.Denied"].Value,
            "ДМС" => text["WorkReason.Dms"].Value,
            "FHIR" => text["WorkReason.FhirError"].Value,
            "ДМС акт" when text.Label("RefusalCategory", code) is { } category => category,
            _ => null,
        };
        // A code that is a word of ours (denied, error, a refusal category) is said by the words alone, after its source.
        var said = reason.Source is "FHIR" or "ДМС акт" || (reason.Source == "835" && code == "denied") ? reason.Source : reason.Key;
        if (words is not null)
        {
            return $"{said}: {words}";
        }

        return reason.Source != "other" ? $"{reason.Key}: {text["WorkReason.Other"]}"
            : code.Length == 0 ? text["WorkReason.Other"].Value : $"{text["WorkReason.Other"]} ({code})";
    }

    // STC category:status: the status says what is wrong; a bare category says at least how the payer took it.
    private string Status(string code)
    {
        var parts = code.Split(':', 2);
        return parts.Length == 2 && parts[1].Length > 0 ? explain.StatusCode(parts[1]) : explain.StatusCategory(parts[0]);
    }

    // "CO-50" → "50": the CARC of a group-CARC pair.
    private static string? Adjustment(string code) =>
        code.Split('-', 2) is [{ Length: 2 }, { Length: > 0 } carc] ? carc : null;
}
