using System.Diagnostics;
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
        var (traceParent, traceState) = CurrentTraceContext();
        db.OutboxMessages.Add(OutboxMessage.Create(messageId, TypeName(typeof(T)), JsonSerializer.Serialize(message, Json),
            practiceId, orderingKey, now, traceParent, traceState));
        return messageId;
    }

    // The writer's trace context, carried on the row to whoever publishes it. Only W3C ids: a hierarchical id (an activity
    // started under the legacy format) cannot become a traceparent. A tracestate longer than the column is dropped whole.
    internal static (string? TraceParent, string? TraceState) CurrentTraceContext()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return (null, null);
        }

        var state = activity.TraceStateString;
        return (activity.Id, state is { Length: > 0 and <= MaxTraceStateLength } ? state : null);
    }

    internal const int MaxTraceStateLength = 512;

    /// <summary>Namespace-qualified type plus simple assembly name: stable across versions, resolvable by <see cref="Type.GetType(string)"/>.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
