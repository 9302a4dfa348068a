using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.Inbound;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// What the ingest could not apply from a file, in the console user's language: worded from the note's code
/// (<see cref="IngestNotes"/>) with an <c>Ingest.*</c> text, claim and remittance states by their names, a domain rule it passes
/// on by <see cref="ClaimRuleText"/>, an X12 reader's finding by <see cref="X12IssueText"/>. In English the note reads as the API wrote it.
/// </summary>
public sealed class IngestNoteText(IStringLocalizer<ConsoleText> text, ClaimRuleText rules, X12IssueText issues,
    Remittances.RemittanceProblemText problems)
{
    public string Render(IngestNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return text.Words("Ingest", note.Code, note.Args, (i, value) => (note.Code, i) switch
        {
            (IngestNotes.Unreadable, 0) => issues.Render(value),
            (IngestNotes.StatusNoClaim, 0) when value.Length == 0 => text["Ingest.Unnamed"].Value,
            (IngestNotes.FhirErrorRecorded, 1) => text.Name("State", value),
            (IngestNotes.RemittanceNotPosted, 2) => text.Name("RemittanceStatus", value),
            (IngestNotes.RemittanceNotPosted, 3) => problems.Render([value], [])[0],
            (IngestNotes.PaymentNotApplied, 4) => rules.Render(note.Rule, note.RuleArgs, value),
            _ => value,
        }) ?? note.Text;
    }
}
