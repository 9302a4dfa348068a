namespace DentalClaimsHub.Domain.Claims;

/// <summary>Raised when a claim is asked to move to a state its lifecycle does not allow from where it is.</summary>
public sealed class InvalidClaimTransitionException : DomainException
{
    public InvalidClaimTransitionException(ClaimState from, ClaimState to)
        : base($"A claim cannot move from {from} to {to}. Allowed from {from}: {Describe(from)}.")
    {
        From = from;
        To = to;
        Rule = ClaimChangeRules.Transition;
        Args = [from.ToString(), to.ToString()];
    }

    public ClaimState From { get; }

    public ClaimState To { get; }

    private static string Describe(ClaimState from)
    {
        var targets = ClaimTransitions.From(from);
        return targets.Count == 0 ? "none (terminal)" : string.Join(", ", targets);
    }
}
