namespace DentalClaimsHub.Domain.Claims;

/// <summary>A rule a claim breaks, keyed by the path of the offending field ("lines[3].serviceDate").</summary>
public sealed record ClaimRuleViolation(string Field, string Message);

/// <summary>Raised when a claim is validated while it still breaks rules; carries every violation.</summary>
public sealed class ClaimRulesException : DomainException
{
    public ClaimRulesException(IReadOnlyList<ClaimRuleViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    public IReadOnlyList<ClaimRuleViolation> Violations { get; }

    private static string Describe(IReadOnlyList<ClaimRuleViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return "The claim breaks rules: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}"));
    }
}
