using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

// Webhooks are fanned out where events are born: every outbox event of a practice that an active subscription wants becomes
// a delivery row in the same transaction, so an event can be neither lost (the in-memory bus dying with the process) nor
// delivered twice (one row per subscription and event).
public sealed partial class HubDbContext
{
    private static readonly JsonSerializerOptions WebhookJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<ClaimStatus.ClaimStatusPoll> ClaimStatusPolls => Set<ClaimStatus.ClaimStatusPoll>();

    private async Task FanOutWebhooksAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage>? events = null;
        foreach (var entry in ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Added && entry.Entity.PracticeId is not null)
            {
                (events ??= []).Add(entry.Entity);
            }
        }

        if (events is null)
        {
            return;
        }

        var practices = events.Select(e => e.PracticeId!.Value).Distinct().ToList();
        var subscriptions = await WebhookSubscriptions.AsNoTracking().IgnoreQueryFilters()
            .Where(s => s.Active && practices.Contains(s.PracticeId)).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var position = 0;
        foreach (var message in events.OrderBy(e => e.CreatedAt))
        {
            position++;
            var type = Type.GetType(message.MessageType);
            var body = type is null ? null : JsonSerializer.Deserialize(message.Body, type, OutboxExtensions.Json);
            var data = body is null ? null : JsonSerializer.SerializeToNode(body, type!, WebhookJson) as JsonObject;
            if (data?["eventType"]?.GetValue<string>() is not { } eventType)
            {
                continue;
            }

            foreach (var subscription in subscriptions.Where(s => s.PracticeId == message.PracticeId && s.Wants(eventType)))
            {
                var payload = new JsonObject
                {
                    ["id"] = message.MessageId,
                    ["type"] = eventType,
                    ["createdAt"] = message.CreatedAt,
                    ["practiceId"] = message.PracticeId,
                    ["data"] = data.DeepClone(),
                };
                WebhookDeliveries.Add(WebhookDelivery.Create(subscription.Id, subscription.PracticeId, message.MessageId, eventType,
                    message.OrderingKey ?? "event:" + message.MessageId.ToString("N"), payload.ToJsonString(WebhookJson), message.CreatedAt, position));
            }
        }
    }
}
