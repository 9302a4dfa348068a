namespace DentalClaimsHub.Storage.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its turn (earlier events of the same claim first) or for its next attempt.</summary>
    Pending = 1,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Kept failing for the whole retry window: kept, not lost; can be sent again on request.</summary>
    Parked,
}

/// <summary>One attempt to deliver: when, the HTTP status (if any answer came), what failed, how long it took.</summary>
/// <param name="Error">What failed, in English (the API shows it as is).</param>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error, long DurationMs)
{
    /// <summary>The code of <see cref="Error"/> (<c>Api.Webhooks.WebhookErrors</c>); null when none or recorded before codes.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The values <see cref="ErrorCode"/> names, invariant culture.</summary>
    public IReadOnlyList<string> ErrorArgs { get; init; } = [];
}

/// <summary>
/// One event for one subscription. Created with the event (same transaction), sent in order per ordering key (one claim's
/// events one after another), retried with backoff until delivered or parked at the end of the retry window.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
        EventType = string.Empty;
        OrderingKey = string.Empty;
        Payload = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Insertion order in the table (a tiebreak only: rows of one save are not inserted in the order they were added).</summary>
    public long Sequence { get; private set; }

    /// <summary>The event's place among the events of the save that raised it; with <see cref="CreatedAt"/> it orders one key's deliveries.</summary>
    public int Position { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>The event's id (its outbox message id): the same for every subscription, stable across retries.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    public string OrderingKey { get; private set; }

    /// <summary>The JSON body sent, exactly.</summary>
    public string Payload { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public List<WebhookAttempt> Attempts { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While set and in the future, one hub instance is sending it.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery Create(Guid subscriptionId, Guid practiceId, Guid eventId, string eventType, string orderingKey, string payload,
        DateTimeOffset now, int position = 0) => new()
    {
        Position = position,
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        PracticeId = practiceId,
        EventId = eventId,
        EventType = eventType,
        OrderingKey = orderingKey,
        Payload = payload,
        Status = WebhookDeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Succeeded(WebhookAttempt attempt)
    {
        Attempts = [.. Attempts, attempt];
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = attempt.At;
        LeaseUntil = null;
    }

    /// <summary>
    /// Schedules the next attempt, or parks the delivery when it would fall after <paramref name="retryWindow"/> from its first
    /// attempt (time spent waiting behind earlier events of its claim does not count).
    /// </summary>
    public void Failed(WebhookAttempt attempt, DateTimeOffset nextAttemptAt, TimeSpan retryWindow)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Attempts = [.. Attempts, attempt];
        var retryUntil = Attempts[0].At + retryWindow;
        LeaseUntil = null;
        if (nextAttemptAt > retryUntil)
        {
            Status = WebhookDeliveryStatus.Parked;
        }
        else
        {
            NextAttemptAt = nextAttemptAt;
        }
    }

    /// <summary>Sends a parked delivery again (after the practice fixed its endpoint); its attempts stay on record.</summary>
    public void Requeue(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        LeaseUntil = null;
    }
}
