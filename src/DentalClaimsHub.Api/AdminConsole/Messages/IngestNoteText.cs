using System.Globalization;
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
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || text["Ingest." + note.Code] is { ResourceNotFound: true })
        {
            return note.Text;
        }

        var args = note.Args.ToList();
        string Name(string prefix, string value) => text[prefix + value] is { ResourceNotFound: false } name ? name.Value : value;
        switch (note.Code)
        {
            case IngestNotes.Unreadable when args.Count > 0:
                args[0] = issues.Render(args[0]);
                break;
            case IngestNotes.StatusNoClaim when args.Count > 0 && args[0].Length == 0:
                args[0] = text["Ingest.Unnamed"];
                break;
            case IngestNotes.FhirErrorRecorded when args.Count > 1:
                args[1] = Name("State.", args[1]);
                break;
            case IngestNotes.RemittanceNotPosted when args.Count > 3:
                args[2] = Name("RemittanceStatus.", args[2]);
                args[3] = problems.Render([args[3]], [])[0];
                break;
            case IngestNotes.PaymentNotApplied when args.Count > 4:
                args[4] = rules.Render(note.Rule, note.RuleArgs, args[4]);
                break;
        }

        return string.Format(CultureInfo.CurrentCulture, text["Ingest." + note.Code], [.. args]);
    }
}
