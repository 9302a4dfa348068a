namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>When the hub starts asking a payer about a claim it has heard nothing of.</summary>
public sealed record ClaimStatusPolling
{
    /// <summary>Defaults used when a profile has no <c>claimStatus</c> section.</summary>
    public static ClaimStatusPolling Default { get; } = new();

    /// <summary>Silence after submission before the first 276 / status query.</summary>
    public TimeSpan After { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Interval between later queries.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromDays(7);
}
