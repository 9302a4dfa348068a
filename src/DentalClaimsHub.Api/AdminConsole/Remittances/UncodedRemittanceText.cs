using System.Text.RegularExpressions;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Domain.Remittances;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>
/// Recognises the English sentences stored before payment notes and remittance problems had codes (claim_payments.note_code,
/// remittances.problem_codes), so old rows read in the user's language too. Read-time only: the rows stay as they are, and a
/// sentence not recognised reads as stored. The patterns are those of <see cref="PaymentNotes"/> and <see cref="RemittanceProblems"/>.
/// </summary>
public static partial class UncodedRemittanceText
{
    private const string Amount = @"-?\d+(?:\.\d+)? [A-Z]{3}";

    /// <summary>The code and values of an old payment note, or null when the sentence is not one of ours.</summary>
    public static RemittanceProblemCode? PaymentNote(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Match(stored,
            (NoClaim(), PaymentNotes.NoClaim), (Reversal(), PaymentNotes.ReversalUnchanged), (Forwarded(), PaymentNotes.NotOurs),
            (Unchanged(), PaymentNotes.StateUnchanged), (Already(), PaymentNotes.AlreadyDecided), (PlanMissing(), PaymentNotes.NoOpenPlan),
            (PlanDecided(), PaymentNotes.PlanDecided), (Refused(), PaymentNotes.NotApplied));
    }

    /// <summary>The code and values of an old remittance problem, or null when the sentence is not one of ours.</summary>
    public static RemittanceProblemCode? Problem(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Payee().Match(stored) is { Success: true } payee)
        {
            var sent = payee.Groups[1].Value;
            return new(RemittanceProblems.UnknownPayee, [sent == "(none)" ? "" : sent]);
        }

        return Match(stored,
            (LineUnbalanced(), RemittanceProblems.LineUnbalanced), (ClaimUnbalanced(), RemittanceProblems.ClaimUnbalanced),
            (PaymentUnbalanced(), RemittanceProblems.PaymentUnbalanced), (Truncated(), RemittanceProblems.Truncated),
            (Header(), RemittanceProblems.PaymentHeader), (Segment(), RemittanceProblems.Segment), (Duplicate(), RemittanceProblems.DuplicatePayment));
    }

    private static RemittanceProblemCode? Match(string stored, params (Regex Pattern, string Code)[] sentences)
    {
        foreach (var (pattern, code) in sentences)
        {
            if (pattern.Match(stored) is { Success: true } match)
            {
                return new(code, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^No claim (.+) of this practice for payer (.+): waiting for review\.$", RegexOptions.Singleline)]
    private static partial Regex NoClaim();

    [GeneratedRegex(@"^Reversal recorded; the claim is (\w+), its state is unchanged\.$")]
    private static partial Regex Reversal();

    [GeneratedRegex(@"^The payer says the claim is not theirs and forwarded it \(CLP02 23\); state unchanged\.$")]
    private static partial Regex Forwarded();

    [GeneratedRegex(@"^The claim is (\w+): payment recorded, state unchanged\.$")]
    private static partial Regex Unchanged();

    [GeneratedRegex(@"^Another payment for a claim already (\w+) \(split claim or a later payment\); state unchanged\.$")]
    private static partial Regex Already();

    [GeneratedRegex(@"^Predetermination pricing \(CLP02 25\) for a claim without an open plan; recorded only\.$")]
    private static partial Regex PlanMissing();

    [GeneratedRegex(@"^Predetermination decided: (\w+)\.$")]
    private static partial Regex PlanDecided();

    [GeneratedRegex(@"^Recorded but not applied to the claim: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Refused();

    [GeneratedRegex(@"^Claim (.+) line (\d+): charge (" + Amount + ") minus adjustments is not the paid (" + Amount + @")\.$")]
    private static partial Regex LineUnbalanced();

    [GeneratedRegex(@"^Claim (.+): charge (" + Amount + ") minus adjustments is not the paid (" + Amount + @")\.$")]
    private static partial Regex ClaimUnbalanced();

    [GeneratedRegex(@"^Claims paid minus provider adjustments is (" + Amount + "), the payment is (" + Amount + @")\.$")]
    private static partial Regex PaymentUnbalanced();

    [GeneratedRegex(@"^ST (\S+): truncated, the SE trailer is missing\.$")]
    private static partial Regex Truncated();

    [GeneratedRegex(@"^ST (\S+): payment header unreadable — (.*)$", RegexOptions.Singleline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^ST (\S+) segment (\d+) \((\w+)\): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Segment();

    [GeneratedRegex(@"^The payee '(.*)' is not the NPI of any practice of the hub\.$")]
    private static partial Regex Payee();

    [GeneratedRegex(@"^Payment (.+) of (" + Amount + @") from (.+) was already posted\.$")]
    private static partial Regex Duplicate();
}
