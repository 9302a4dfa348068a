namespace DentalClaimsHub.Storage.Inbox;

/// <summary>Marks that a consumer has acted on a message id; the primary key (consumer, message id) makes a replay a no-op.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
    }

    public string Consumer { get; private set; } = "";

    public Guid MessageId { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }
}
