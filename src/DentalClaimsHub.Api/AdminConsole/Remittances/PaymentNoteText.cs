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
        if (code is null && stored is not null && !CodedText.InEnglish && UncodedRemittanceText.PaymentNote(stored) is { } recognised)
        {
            (code, args) = (recognised.Code, recognised.Args);
        }

        return text.Words("PaymentNote", code, args, (i, value) => (code, i) switch
        {
            (PaymentNotes.ReversalUnchanged or PaymentNotes.StateUnchanged or PaymentNotes.AlreadyDecided, 0) => text.Name("State", value),
            (PaymentNotes.PlanDecided, 0) => text.Name("PlanStatus", value),
            (PaymentNotes.NotApplied, 0) => rules.Render(rule, ruleArgs ?? [], value),
            _ => value,
        }) ?? stored ?? "";
    }

    public string Render(PaymentNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Render(note.Text, note.Code, note.Args, note.Rule, note.RuleArgs);
    }
}
