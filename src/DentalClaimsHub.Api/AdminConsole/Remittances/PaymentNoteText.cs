using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.Remittances;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>
/// A claim payment's posting note in the console user's language: worded from its code (<see cref="PaymentNotes"/>) with a
/// <c>PaymentNote.*</c> text, claim and plan states by their names, a domain rule it passes on by <see cref="ClaimRuleText"/>.
/// In English it reads as stored; a note posted before codes existed is recognised by its English (<see cref="UncodedRemittanceText"/>).
/// </summary>
public sealed class PaymentNoteText(IStringLocalizer<ConsoleText> text, ClaimRuleText rules)
{
    public string Render(string? stored, string? code, IReadOnlyList<string> args, string? rule = null, IReadOnlyList<string>? ruleArgs = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (code is null && stored is not null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en"
            && UncodedRemittanceText.PaymentNote(stored) is { } recognised)
        {
            (code, args) = (recognised.Code, recognised.Args);
        }

        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || code is null || text["PaymentNote." + code] is { ResourceNotFound: true })
        {
            return stored ?? "";
        }

        var words = args.ToList();
        string Name(string prefix, string value) => text[prefix + value] is { ResourceNotFound: false } name ? name.Value : value;
        switch (code)
        {
            case PaymentNotes.ReversalUnchanged or PaymentNotes.StateUnchanged or PaymentNotes.AlreadyDecided when words.Count > 0:
                words[0] = Name("State.", words[0]);
                break;
            case PaymentNotes.PlanDecided when words.Count > 0:
                words[0] = Name("PlanStatus.", words[0]);
                break;
            case PaymentNotes.NotApplied when words.Count > 0:
                words[0] = rules.Render(rule, ruleArgs ?? [], words[0]);
                break;
        }

        return string.Format(CultureInfo.CurrentCulture, text["PaymentNote." + code], [.. words]);
    }

    public string Render(PaymentNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Render(note.Text, note.Code, note.Args, note.Rule, note.RuleArgs);
    }
}
