using DentalClaimsHub.Domain;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>
/// What posting a claim payment did or why it changed nothing: the English sentence the API shows (<c>ClaimPayment.Note</c>) and
/// its code (<see cref="PaymentNotes"/>) with the values it names, kept beside it for the console to word per culture.
/// </summary>
public sealed record PaymentNote(string Code, IReadOnlyList<string> Args, string Text)
{
    /// <summary>The domain rule the note passes on (<see cref="DomainException.Rule"/>), with its values; null when none.</summary>
    public string? Rule { get; init; }

    public IReadOnlyList<string> RuleArgs { get; init; } = [];
}

/// <summary>The notes the poster writes on a claim payment, each with its English wording; args listed per code.</summary>
public static class PaymentNotes
{
    /// <summary>Args: the claim number, the payer.</summary>
    public const string NoClaim = "no-claim";

    /// <summary>Args: the claim's state.</summary>
    public const string ReversalUnchanged = "reversal-unchanged";

    public const string NotOurs = "not-ours";

    /// <summary>Args: the claim's state.</summary>
    public const string StateUnchanged = "state-unchanged";

    /// <summary>Args: the outcome the claim already has.</summary>
    public const string AlreadyDecided = "already-decided";

    public const string NoOpenPlan = "no-open-plan";

    /// <summary>Args: the plan's status.</summary>
    public const string PlanDecided = "plan-decided";

    /// <summary>Args: the rule (English; coded in <see cref="PaymentNote.Rule"/>).</summary>
    public const string NotApplied = "not-applied";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All = [NoClaim, ReversalUnchanged, NotOurs, StateUnchanged, AlreadyDecided, NoOpenPlan, PlanDecided, NotApplied];

    public static PaymentNote Unmatched(string pcn, string payer) =>
        new(NoClaim, [pcn, payer], $"No claim {pcn} of this practice for payer {payer}: waiting for review.");

    public static PaymentNote Reversal(string state) => new(ReversalUnchanged, [state], $"Reversal recorded; the claim is {state}, its state is unchanged.");

    public static readonly PaymentNote Forwarded =
        new(NotOurs, [], "The payer says the claim is not theirs and forwarded it (CLP02 23); state unchanged.");

    public static PaymentNote Unchanged(string state) => new(StateUnchanged, [state], $"The claim is {state}: payment recorded, state unchanged.");

    public static PaymentNote Already(string outcome) =>
        new(AlreadyDecided, [outcome], $"Another payment for a claim already {outcome} (split claim or a later payment); state unchanged.");

    public static readonly PaymentNote PlanMissing =
        new(NoOpenPlan, [], "Predetermination pricing (CLP02 25) for a claim without an open plan; recorded only.");

    public static PaymentNote Plan(string status) => new(PlanDecided, [status], $"Predetermination decided: {status}.");

    public static PaymentNote Refused(DomainException rule) =>
        new(NotApplied, [rule?.Message ?? ""], $"Recorded but not applied to the claim: {rule?.Message}") { Rule = rule?.Rule, RuleArgs = rule?.Args ?? [] };
}
