using System.Text.RegularExpressions;
using DentalClaimsHub.Api.Inbound;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// Reads back the ingest notes a message keeps in its parse findings (<c>messages.parse_errors</c> holds only their English,
/// <see cref="IngestNotes.Texts"/>), so the message page can word them in the user's language. A line that is not one of the
/// sentences of <see cref="IngestNotes"/> is not a note (a reader's finding, a validator's problem) and gives null.
/// </summary>
public static partial class StoredIngestNotes
{
    public static IngestNote? Recognise(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var (pattern, code) in Sentences)
        {
            if (pattern.Match(stored) is { Success: true } match)
            {
                var args = match.Groups.Cast<Group>().Skip(1).Select(g => g.Value).ToList();
                if (code == IngestNotes.StatusNoClaim && args is ["(unnamed)"])
                {
                    args[0] = "";
                }

                return new IngestNote(code, args, stored);
            }
        }

        return null;
    }

    // In IngestNotes' order; a remittance's unmatched payment before the catch-all of a refused one.
    private static readonly (Regex Pattern, string Code)[] Sentences =
    [
        (Received(), IngestNotes.AlreadyReceived), (Applied(), IngestNotes.AlreadyApplied), (NoIsa(), IngestNotes.NoIsa),
        (NotApplied(), IngestNotes.NotApplied), (Ta1(), IngestNotes.Ta1NoInterchange), (AckGroup(), IngestNotes.AckNoGroup),
        (AckClaim(), IngestNotes.AckNoClaim), (ClaimAck(), IngestNotes.ClaimAckNoClaim), (Status(), IngestNotes.StatusNoClaim),
        (FhirEmpty(), IngestNotes.FhirNothing), (FhirUnknown(), IngestNotes.FhirNoClaim), (FhirError(), IngestNotes.FhirErrorRecorded),
        (FhirPlan(), IngestNotes.FhirPlanRecorded), (Payee(), IngestNotes.PayeeAmbiguous), (NotPosted(), IngestNotes.RemittanceNotPosted),
        (Unmatched(), IngestNotes.PaymentNoClaim), (Refused(), IngestNotes.PaymentNotApplied),
    ];

    [GeneratedRegex(@"^Already received: not applied again\.$")]
    private static partial Regex Received();

    [GeneratedRegex(@"^Already applied: not applied again\.$")]
    private static partial Regex Applied();

    [GeneratedRegex(@"^Not an X12 interchange \(no ISA header\): kept for review\.$")]
    private static partial Regex NoIsa();

    [GeneratedRegex(@"^The hub does not apply (.+) files from payers; kept for review\.$")]
    private static partial Regex NotApplied();

    [GeneratedRegex(@"^TA1 for interchange (.*): no 837 of ours with that control number\.$")]
    private static partial Regex Ta1();

    [GeneratedRegex(@"^999 for group (.*): no 837 of ours with that group control number\.$")]
    private static partial Regex AckGroup();

    [GeneratedRegex(@"^999 AK2 (.*): no submitted claim of ours in that transaction set\.$")]
    private static partial Regex AckClaim();

    [GeneratedRegex(@"^277CA for claim (.*): no submitted claim of ours with that number\.$")]
    private static partial Regex ClaimAck();

    [GeneratedRegex(@"^277 for claim (.*): no claim of ours with that number\.$")]
    private static partial Regex Status();

    [GeneratedRegex(@"^A (\w+) without a ClaimResponse or ExplanationOfBenefit: kept for review\.$")]
    private static partial Regex FhirEmpty();

    [GeneratedRegex(@"^ClaimResponse for (.+): no claim of ours with that number at (.+)\.$")]
    private static partial Regex FhirUnknown();

    [GeneratedRegex(@"^ClaimResponse error for (.+), but the claim is (\w+): recorded only\.$")]
    private static partial Regex FhirError();

    [GeneratedRegex(@"^ClaimResponse for plan (.+): not a full decision on an open plan; recorded only\.$")]
    private static partial Regex FhirPlan();

    [GeneratedRegex(@"^Remittance (.+) \(trace (.*)\): payee NPI (.*) belongs to (\d+) practices and no claim tells which; kept for review\.$")]
    private static partial Regex Payee();

    [GeneratedRegex(@"^Remittance (.+) \(trace (.*)\) not posted \((\w+)\): (.*)$", RegexOptions.Singleline)]
    private static partial Regex NotPosted();

    [GeneratedRegex(@"^Remittance (.+) \(trace (.*)\): claim payment (\d+) \((.*)\) matches no claim; sent to review\.$")]
    private static partial Regex Unmatched();

    [GeneratedRegex(@"^Remittance (.+) \(trace (.*)\): claim payment (\d+) \((.*)\): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Refused();
}
