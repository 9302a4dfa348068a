namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// A rule a claim breaks, keyed by the path of the offending field ("lines[3].serviceDate"): the English message, and the
/// rule's id (<see cref="ClaimRules"/>) with the values it names (codes, teeth, counts, ISO dates) so a reader can word it in
/// another language.
/// </summary>
public sealed record ClaimRuleViolation(string Field, string Message)
{
    public string? Rule { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];
}

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
