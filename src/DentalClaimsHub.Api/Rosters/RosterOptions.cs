namespace DentalClaimsHub.Api.Rosters;

/// <summary>Settings under <c>Hub:Rosters</c>.</summary>
public sealed class RosterOptions
{
    /// <summary>How long a received roster file is kept (encrypted) before it is deleted; the import report stays.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Largest accepted roster file.</summary>
    public long MaxBytes { get; set; } = 512L << 20;

    /// <summary>How often a worker looks for queued imports when nobody signals one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker owns an import before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
