using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Webhooks;

/// <summary>
/// A delivery as the console names it: the sender's <see cref="WebhookDeliveryStatus.Pending"/> split by whether an attempt
/// already failed (failed: waiting for its retry), and <see cref="WebhookDeliveryStatus.Parked"/> shown as dead.
/// </summary>
public enum WebhookDeliveryView
{
    Pending,
    Failed,
    Delivered,
    Dead,
}

public sealed record WebhookDeliveryFilter
{
    public Guid? PracticeId { get; init; }

    public WebhookDeliveryView? Status { get; init; }
}

public sealed record WebhookSubscriptionRow(Guid Id, Guid PracticeId, string PracticeName, string Url, IReadOnlyList<string> Events, bool Active,
    DateTimeOffset CreatedAt);

public sealed record WebhookDeliveryRow(Guid Id, Guid SubscriptionId, string PracticeName, string EventType, WebhookDeliveryView Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public bool CanRetry => Status is WebhookDeliveryView.Failed or WebhookDeliveryView.Dead;

    /// <summary>The code of <see cref="LastError"/> and its values (null and empty for attempts recorded before codes).</summary>
    public string? LastErrorCode { get; init; }

    public IReadOnlyList<string> LastErrorArgs { get; init; } = [];
}

public sealed record WebhookOverview(IReadOnlyList<WebhookSubscriptionRow> Subscriptions, IReadOnlyList<WebhookDeliveryRow> Deliveries);

/// <summary>
/// The webhooks page: every practice's subscriptions and their most recent deliveries, and Retry, which puts a failed or
/// dead delivery back in the <see cref="Api.Webhooks.WebhookSender"/>'s line due now (the same requeue the API's redeliver
/// does), audited in the same save. Only billing specialists and administrators may retry.
/// </summary>
public sealed class WebhookDeliveries(IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time)
{
    /// <summary>How many recent deliveries the page lists.</summary>
    public const int Recent = 200;

    public async Task<WebhookOverview> LoadAsync(WebhookDeliveryFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateHubWideContext();
        var subscriptions = db.WebhookSubscriptions.AsNoTracking();
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (filter.PracticeId is { } practice)
        {
            subscriptions = subscriptions.Where(s => s.PracticeId == practice);
            deliveries = deliveries.Where(d => d.PracticeId == practice);
        }

        if (filter.Status is { } view)
        {
            var stored = Stored(view);
            deliveries = deliveries.Where(d => d.Status == stored);
        }

        var practiceNames = await db.Practices.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var subscriptionRows = (await subscriptions.OrderBy(s => s.CreatedAt).ToListAsync(ct))
            .Select(s => new WebhookSubscriptionRow(s.Id, s.PracticeId, practiceNames.GetValueOrDefault(s.PracticeId, "—"), s.Url, s.Events, s.Active,
                s.CreatedAt))
            .ToList();

        // Pending and failed share a stored status: read a wider page of them and split by the last attempt.
        var take = filter.Status is WebhookDeliveryView.Pending or WebhookDeliveryView.Failed ? Recent * 5 : Recent;
        var rows = (await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take).ToListAsync(ct))
            .Select(d => ToRow(d, practiceNames))
            .Where(r => filter.Status is not { } wanted || r.Status == wanted)
            .Take(Recent)
            .ToList();
        return new WebhookOverview(subscriptionRows, rows);
    }

    /// <summary>
    /// Schedules a failed or dead delivery for now. The row is locked while it is changed, so the sender (which leases rows
    /// with SKIP LOCKED) cannot pick it up half-way; a delivery being sent at this moment is refused rather than sent twice.
    /// Returns null when done, or why not.
    /// </summary>
    public async Task<string?> RetryAsync(Guid deliveryId, CancellationToken ct)
    {
        var principal = await session.UserAsync();
        if (!principal.IsInRole(ConsoleRoles.Billing) && !principal.IsInRole(ConsoleRoles.Admin))
        {
            throw new UnauthorizedAccessException("Only billing specialists and administrators retry webhook deliveries.");
        }

        var user = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delivery = await db.WebhookDeliveries.FromSql($"SELECT * FROM webhook_deliveries WHERE id = {deliveryId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (delivery is null)
        {
            return "NotFound";
        }

        var now = time.GetUtcNow();
        var status = ViewOf(delivery);
        if (status is not (WebhookDeliveryView.Failed or WebhookDeliveryView.Dead))
        {
            return "NotFailed";
        }

        if (delivery.LeaseUntil > now)
        {
            return "Sending";
        }

        delivery.Requeue(now);
        ConsoleAudit.RecordAction(db, user, now, "webhook.retried", "webhook-delivery", delivery.Id, delivery.PracticeId,
            new { subscription = delivery.SubscriptionId, was = status.ToString(), attempts = delivery.Attempts.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public static WebhookDeliveryView ViewOf(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Status switch
        {
            WebhookDeliveryStatus.Delivered => WebhookDeliveryView.Delivered,
            WebhookDeliveryStatus.Parked => WebhookDeliveryView.Dead,
            _ => delivery.Attempts.Count > 0 && delivery.Attempts[^1].Error is not null ? WebhookDeliveryView.Failed : WebhookDeliveryView.Pending,
        };
    }

    private static WebhookDeliveryStatus Stored(WebhookDeliveryView view) => view switch
    {
        WebhookDeliveryView.Delivered => WebhookDeliveryStatus.Delivered,
        WebhookDeliveryView.Dead => WebhookDeliveryStatus.Parked,
        _ => WebhookDeliveryStatus.Pending,
    };

    private static WebhookDeliveryRow ToRow(WebhookDelivery d, Dictionary<Guid, string> practiceNames)
    {
        var last = d.Attempts.Count > 0 ? d.Attempts[^1] : null;
        return new WebhookDeliveryRow(d.Id, d.SubscriptionId, practiceNames.GetValueOrDefault(d.PracticeId, "—"), d.EventType, ViewOf(d), d.Attempts.Count,
            last?.StatusCode, last?.Error, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.CreatedAt, last?.At, d.DeliveredAt)
        {
            LastErrorCode = last?.ErrorCode, LastErrorArgs = last?.ErrorArgs ?? [],
        };
    }
}
