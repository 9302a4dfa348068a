using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>
/// Why a remittance was flagged: the English sentence the API shows (<see cref="Remittance.Problems"/>) and its code
/// (<see cref="RemittanceProblems"/>) with the values it names, kept beside it for the console to word per culture.
/// </summary>
public sealed record RemittanceProblem(string Code, IReadOnlyList<string> Args, string Text)
{
    public override string ToString() => Text;
}

/// <summary>A flag reason's code and values as stored (<see cref="Remittance.ProblemCodes"/>); its English text is in <see cref="Remittance.Problems"/>.</summary>
public sealed record RemittanceProblemCode(string Code, IReadOnlyList<string> Args);

/// <summary>
/// The problems a remittance is flagged with, each with its English wording. Args are invariant: money as
/// <see cref="Money.ToString"/> ("12.50 USD"), numbers as digits; free text from a reader stays as given.
/// </summary>
public static class RemittanceProblems
{
    /// <summary>Args: the claim number, the line number, the charge, the paid amount.</summary>
    public const string LineUnbalanced = "line-unbalanced";

    /// <summary>Args: the claim number, the charge, the paid amount.</summary>
    public const string ClaimUnbalanced = "claim-unbalanced";

    /// <summary>Args: claims paid minus provider adjustments, the payment.</summary>
    public const string PaymentUnbalanced = "payment-unbalanced";

    /// <summary>Args: the transaction set control number (ST02).</summary>
    public const string Truncated = "truncated";

    /// <summary>Args: the transaction set control number, the reader's finding (English).</summary>
    public const string PaymentHeader = "payment-header";

    /// <summary>Args: the transaction set control number, the segment position, the segment id, the reader's finding (English).</summary>
    public const string Segment = "segment";

    /// <summary>Args: the reader's finding without a segment position (English).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Args: the payee as sent (empty when none).</summary>
    public const string UnknownPayee = "unknown-payee";

    /// <summary>Args: the trace number, the payment, the payer.</summary>
    public const string DuplicatePayment = "duplicate-payment";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
        [LineUnbalanced, ClaimUnbalanced, PaymentUnbalanced, Truncated, PaymentHeader, Segment, Unreadable, UnknownPayee, DuplicatePayment];

    public static RemittanceProblem Line(string pcn, int line, Money charge, Money paid) =>
        new(LineUnbalanced, [pcn, line.ToString(System.Globalization.CultureInfo.InvariantCulture), charge.ToString(), paid.ToString()],
            $"Claim {pcn} line {line}: charge {charge} minus adjustments is not the paid {paid}.");

    public static RemittanceProblem Claim(string pcn, Money charge, Money paid) =>
        new(ClaimUnbalanced, [pcn, charge.ToString(), paid.ToString()], $"Claim {pcn}: charge {charge} minus adjustments is not the paid {paid}.");

    public static RemittanceProblem Payment(Money expected, Money amount) =>
        new(PaymentUnbalanced, [expected.ToString(), amount.ToString()],
            $"Claims paid minus provider adjustments is {expected}, the payment is {amount}.");

    public static RemittanceProblem TruncatedSet(string st) => new(Truncated, [st], $"ST {st}: truncated, the SE trailer is missing.");

    public static RemittanceProblem Header(string st, string detail) =>
        new(PaymentHeader, [st, detail], $"ST {st}: payment header unreadable — {detail}");

    public static RemittanceProblem At(string st, int position, string segmentId, string detail) =>
        new(Segment, [st, position.ToString(System.Globalization.CultureInfo.InvariantCulture), segmentId, detail],
            $"ST {st} segment {position} ({segmentId}): {detail}");

    /// <summary>A reader's finding that names no segment position (the text is the finding itself).</summary>
    public static RemittanceProblem Read(string detail) => new(Unreadable, [detail], detail);

    public static RemittanceProblem Payee(string? payee) =>
        new(UnknownPayee, [payee ?? ""], $"The payee '{payee ?? "(none)"}' is not the NPI of any practice of the hub.");

    public static RemittanceProblem Duplicate(string trace, Money amount, string payer) =>
        new(DuplicatePayment, [trace, amount.ToString(), payer], $"Payment {trace} of {amount} from {payer} was already posted.");
}
