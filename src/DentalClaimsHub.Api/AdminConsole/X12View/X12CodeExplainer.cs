using System.Globalization;
using DentalClaimsHub.Adapters.Codes;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>
/// Codes in words in the user's language (<see cref="CultureInfo.CurrentUICulture"/>): CARC, RARC, claim status category
/// and status, 999 IK304/IK403/IK501. The words are data in <c>schemas/codes</c>; an unknown code reads "code NNN (no description)".
/// </summary>
public sealed class X12CodeExplainer(X12CodeDescriptions codes, IStringLocalizer<ConsoleText> text)
{
    private static bool Russian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    public string Carc(string code) => Words("carc", code);

    public string Rarc(string code) => Words("rarc", code);

    public string SegmentError(string code) => Words("ack999-segment-error", code);

    public string ElementError(string code) => Words("ack999-element-error", code);

    public string TransactionResult(string code) => Words("ack999-transaction", code);

    public string StatusCategory(string code) => Words("claim-status-category", code);

    public string StatusCode(string code) => Words("claim-status", code);

    /// <summary>A STC composite: <c>A3: rejected …; 21: missing or invalid information; IL: subscriber</c>.</summary>
    public string Status(string category, string status, string entity)
    {
        var parts = new List<string> { $"{category}: {Words("claim-status-category", category)}" };
        if (status.Length > 0)
            parts.Add($"{status}: {Words("claim-status", status)}");
        if (entity.Length > 0)
            parts.Add($"{entity}: {Words("entity-identifier", entity)}");
        return string.Join("; ", parts);
    }

    /// <summary>A claim adjustment: <c>CO-45: charge exceeds the fee schedule</c>.</summary>
    public string Adjustment(string group, string carc) => $"{group}-{carc}: {Carc(carc)}";

    private string Words(string codeSet, string code) =>
        codes.Describe(codeSet, code, Russian) ?? text["X12View.NoDescription", code].Value;
}
