using System.Text.Json;

namespace DentalClaimsHub.Storage.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds a message to the outbox of this unit of work: it is published only if, and after, SaveChanges commits.
    /// </summary>
    public static Guid Enqueue<T>(this HubDbContext db, T message, DateTimeOffset now, Guid? practiceId = null, string? orderingKey = null)
        where T : class
    {
        var messageId = Guid.CreateVersion7(now);
        db.OutboxMessages.Add(OutboxMessage.Create(messageId, TypeName(typeof(T)), JsonSerializer.Serialize(message, Json),
            practiceId, orderingKey, now));
        return messageId;
    }

    /// <summary>Namespace-qualified type plus simple assembly name: stable across versions, resolvable by <see cref="Type.GetType(string)"/>.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
