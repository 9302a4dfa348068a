using System.Globalization;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// Something the ingest could not apply from an inbound file: the English sentence the API answers with and stores, and the
/// note's code (<see cref="IngestNotes"/>) with the values it names, so the console can word it in its user's language.
/// </summary>
public sealed record IngestNote(string Code, IReadOnlyList<string> Args, string Text)
{
    /// <summary>The domain rule (<see cref="Domain.DomainException.Rule"/>) the note passes on, with its values; null when none.</summary>
    public string? Rule { get; init; }

    public IReadOnlyList<string> RuleArgs { get; init; } = [];

    public override string ToString() => Text;
}

/// <summary>The notes the ingest writes, each with its English wording; args are listed per code, invariant culture.</summary>
public static class IngestNotes
{
    /// <summary>Args: the reader's own finding (English, technical: segment, element, position).</summary>
    public const string Unreadable = "unreadable";

    public const string AlreadyReceived = "already-received";

    public const string AlreadyApplied = "already-applied";

    public const string NoIsa = "no-isa";

    /// <summary>Args: the transaction type.</summary>
    public const string NotApplied = "not-applied";

    /// <summary>Args: the interchange control number.</summary>
    public const string Ta1NoInterchange = "ta1-no-interchange";

    /// <summary>Args: the group control number.</summary>
    public const string AckNoGroup = "999-no-group";

    /// <summary>Args: the transaction set control number.</summary>
    public const string AckNoClaim = "999-no-claim";

    /// <summary>Args: the claim number.</summary>
    public const string ClaimAckNoClaim = "277ca-no-claim";

    /// <summary>Args: the claim number (ours or the payer's; empty when the 277 names none).</summary>
    public const string StatusNoClaim = "277-no-claim";

    /// <summary>Args: the FHIR resource type.</summary>
    public const string FhirNothing = "fhir-nothing";

    /// <summary>Args: the claim number, the payer.</summary>
    public const string FhirNoClaim = "fhir-no-claim";

    /// <summary>Args: the claim number, the claim's state.</summary>
    public const string FhirErrorRecorded = "fhir-error-recorded";

    /// <summary>Args: the plan's number.</summary>
    public const string FhirPlanRecorded = "fhir-plan-recorded";

    /// <summary>Args: the remittance's reference, its trace number, the payee NPI, how many practices share it.</summary>
    public const string PayeeAmbiguous = "payee-ambiguous";

    /// <summary>Args: the remittance's reference, its trace number, its status, the problem (English).</summary>
    public const string RemittanceNotPosted = "remittance-not-posted";

    /// <summary>Args: the remittance's reference, its trace number, the payment's ordinal, its claim number.</summary>
    public const string PaymentNoClaim = "payment-no-claim";

    /// <summary>Args: the remittance's reference, its trace number, the payment's ordinal, its claim number, the rule (English; coded in <see cref="IngestNote.Rule"/>).</summary>
    public const string PaymentNotApplied = "payment-not-applied";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Unreadable, AlreadyReceived, AlreadyApplied, NoIsa, NotApplied, Ta1NoInterchange, AckNoGroup, AckNoClaim, ClaimAckNoClaim, StatusNoClaim,
        FhirNothing, FhirNoClaim, FhirErrorRecorded, FhirPlanRecorded, PayeeAmbiguous, RemittanceNotPosted, PaymentNoClaim, PaymentNotApplied,
    ];

    public static IngestNote Read(string finding) => new(Unreadable, [finding], finding);

    public static readonly IngestNote Received = new(AlreadyReceived, [], "Already received: not applied again.");

    public static readonly IngestNote Applied = new(AlreadyApplied, [], "Already applied: not applied again.");

    public static readonly IngestNote NotAnInterchange = new(NoIsa, [], "Not an X12 interchange (no ISA header): kept for review.");

    public static IngestNote Unapplied(string type) => new(NotApplied, [type], $"The hub does not apply {type} files from payers; kept for review.");

    public static IngestNote Ta1Unknown(string icn) => new(Ta1NoInterchange, [icn], $"TA1 for interchange {icn}: no 837 of ours with that control number.");

    public static IngestNote AckGroupUnknown(string? group) =>
        new(AckNoGroup, [group ?? ""], $"999 for group {group}: no 837 of ours with that group control number.");

    public static IngestNote AckClaimUnknown(string st02) =>
        new(AckNoClaim, [st02], $"999 AK2 {st02}: no submitted claim of ours in that transaction set.");

    public static IngestNote ClaimAckUnknown(string pcn) =>
        new(ClaimAckNoClaim, [pcn], $"277CA for claim {pcn}: no submitted claim of ours with that number.");

    public static IngestNote StatusUnknown(string? number) =>
        new(StatusNoClaim, [number ?? ""], $"277 for claim {number ?? "(unnamed)"}: no claim of ours with that number.");

    public static IngestNote FhirEmpty(string resourceType) =>
        new(FhirNothing, [resourceType], $"A {resourceType} without a ClaimResponse or ExplanationOfBenefit: kept for review.");

    public static IngestNote FhirUnknown(string pcn, string payer) =>
        new(FhirNoClaim, [pcn, payer], $"ClaimResponse for {pcn}: no claim of ours with that number at {payer}.");

    public static IngestNote FhirErrorOnly(string pcn, string state) =>
        new(FhirErrorRecorded, [pcn, state], $"ClaimResponse error for {pcn}, but the claim is {state}: recorded only.");

    public static IngestNote FhirPlanOnly(string pcn) =>
        new(FhirPlanRecorded, [pcn], $"ClaimResponse for plan {pcn}: not a full decision on an open plan; recorded only.");

    public static IngestNote Payee(RemittanceLabel label, string? npi, int practices) =>
        new(PayeeAmbiguous, [label.Reference, label.Trace, npi ?? "", practices.ToString(CultureInfo.InvariantCulture)],
            $"{label}: payee NPI {npi} belongs to {practices} practices and no claim tells which; kept for review.");

    public static IngestNote NotPosted(RemittanceLabel label, string status, string problem) =>
        new(RemittanceNotPosted, [label.Reference, label.Trace, status, problem], $"{label} not posted ({status}): {problem}");

    public static IngestNote Unmatched(RemittanceLabel label, int ordinal, string pcn) =>
        new(PaymentNoClaim, [label.Reference, label.Trace, ordinal.ToString(CultureInfo.InvariantCulture), pcn],
            $"{label}: claim payment {ordinal} ({pcn}) matches no claim; sent to review.");

    public static IngestNote Refused(RemittanceLabel label, int ordinal, string pcn, Domain.DomainException rule) =>
        new(PaymentNotApplied, [label.Reference, label.Trace, ordinal.ToString(CultureInfo.InvariantCulture), pcn, rule?.Message ?? ""],
            $"{label}: claim payment {ordinal} ({pcn}): {rule?.Message}")
        {
            Rule = rule?.Rule, RuleArgs = rule?.Args ?? [],
        };

    /// <summary>The notes' English sentences, as the API answers and the message store keeps them.</summary>
    public static IReadOnlyList<string> Texts(this IEnumerable<IngestNote> notes) => [.. notes.Select(n => n.Text)];
}

/// <summary>How a note names a remittance: its reference (file or transaction) and the payment's trace number.</summary>
public sealed record RemittanceLabel(string Reference, string Trace)
{
    public override string ToString() => $"Remittance {Reference} (trace {Trace})";
}
