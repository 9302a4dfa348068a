namespace DentalClaimsHub.Storage.Outbox;

/// <summary>
/// A message waiting to be published. Written in the same transaction as the state change it announces, so a
/// crash between commit and publish loses nothing; <see cref="OutboxDispatcher"/> publishes and marks it.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public long Sequence { get; private set; }

    public Guid MessageId { get; private set; }

    /// <summary>CLR type name of the message contract (namespace-qualified, no assembly).</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    public Guid? PracticeId { get; private set; }

    /// <summary>Groups messages that must be published in order (e.g. one claim id); null when order does not matter.</summary>
    public string? OrderingKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LockedBy { get; private set; }

    /// <summary>
    /// W3C <c>traceparent</c> of the activity that wrote the row (the API request, say): the dispatcher publishes under it,
    /// so the consumer's work joins the writer's trace even when another instance publishes it later.
    /// </summary>
    public string? TraceParent { get; private set; }

    /// <summary>W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; private set; }

    internal static OutboxMessage Create(Guid messageId, string messageType, string body, Guid? practiceId, string? orderingKey,
        DateTimeOffset now, string? traceParent = null, string? traceState = null) =>
        new()
        {
            MessageId = messageId,
            MessageType = messageType,
            Body = body,
            PracticeId = practiceId,
            OrderingKey = orderingKey,
            CreatedAt = now,
            TraceParent = traceParent,
            TraceState = traceParent is null ? null : traceState,
        };
}
