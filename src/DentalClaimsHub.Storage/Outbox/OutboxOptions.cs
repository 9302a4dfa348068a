namespace DentalClaimsHub.Storage.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for rows written by other processes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed row stays reserved for this instance before another may take it over.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one publish may wait for the transport before the row is released for a later attempt (RabbitMQ sets
    /// it from <c>Messaging:RabbitMq:PublishTimeout</c>; a publish waiting on a broker that is down would otherwise hold
    /// the batch until the broker returns).
    /// </summary>
    public TimeSpan? PublishTimeout { get; set; }

    /// <summary>When false the dispatcher does not run (tests start it by hand).</summary>
    public bool Enabled { get; set; } = true;
}
