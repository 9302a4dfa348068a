using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Telemetry;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>How often due deliveries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the first retry; doubled per attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a failing delivery is retried, from its first attempt, before it is parked.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries sent at the same time by one instance.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Accept plain http:// endpoints (local development and tests only; production requires https).</summary>
    public bool AllowHttp { get; set; }

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Sends webhook deliveries: the oldest pending delivery of each (subscription, claim) whose time has come, several at once,
/// leased in PostgreSQL so hub instances never send the same one together. A 2xx answer delivers it; anything else (or no
/// answer in time) schedules a retry with exponential backoff and jitter, and at the end of the retry window parks it.
/// Every body is signed: <c>DCH-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// </summary>
public sealed partial class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<WebhookOptions> options,
    TimeProvider time, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "DCH-Signature";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }

            if (sent == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends every delivery that is due and first in its line; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        List<Guid> leased;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var leaseUntil = now + settings.Timeout + settings.Timeout;
            leased = await db.Database.SqlQuery<Guid>($"""
                UPDATE webhook_deliveries SET lease_until = {leaseUntil}
                WHERE id IN (
                    SELECT h.id FROM webhook_deliveries h
                    WHERE h.status = 'Pending' AND h.next_attempt_at <= {now} AND (h.lease_until IS NULL OR h.lease_until < {now})
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                      WHERE e.subscription_id = h.subscription_id AND e.ordering_key = h.ordering_key
                                        AND e.status = 'Pending'
                                        AND (e.created_at, e.position, e.sequence) < (h.created_at, h.position, h.sequence))
                    ORDER BY h.created_at, h.position, h.sequence
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
        }

        await Task.WhenAll(leased.Select(id => SendOneAsync(id, cancellationToken)));
        return leased.Count;
    }

    private async Task SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var settings = options.Value;
        // Each attempt is a trace of its own (the sender's loop is not any request's work); the receiver gets its traceparent.
        using var activity = HubActivitySources.Webhooks.StartRoot("webhook send", ActivityKind.Internal);
        activity?.SetTag("dch.webhook.delivery_id", delivery.Id.ToString());
        activity?.SetTag("dch.webhook.event_type", delivery.EventType);
        activity?.SetTag("dch.webhook.attempt", delivery.Attempts.Count + 1);
        activity?.SetTag("dch.practice.id", delivery.PracticeId.ToString());
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        int? status = null;
        WebhookError? error = null;
        try
        {
            using var request = Sign(new HttpRequestMessage(HttpMethod.Post, subscription.Url), delivery, subscription.Secret, started);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = WebhookErrors.Answered(response.StatusCode, response.ReasonPhrase);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = ex is TaskCanceledException or OperationCanceledException ? WebhookErrors.NoAnswerWithin(settings.Timeout) : WebhookErrors.Of(ex);
        }

        var attempt = new WebhookAttempt(started, status, error?.Text, clock.ElapsedMilliseconds)
        {
            ErrorCode = error?.Code, ErrorArgs = error?.Args ?? [],
        };
        if (status is { } code)
        {
            activity?.SetTag("http.response.status_code", code);
        }

        if (error is null)
        {
            delivery.Succeeded(attempt);
            activity?.SetTag("dch.webhook.outcome", "delivered");
        }
        else
        {
            delivery.Failed(attempt, started + Backoff(delivery.Attempts.Count + 1, settings), settings.RetryWindow);
            var parked = delivery.Status == WebhookDeliveryStatus.Parked;
            activity?.SetTag("dch.webhook.outcome", parked ? "parked" : "will-retry");
            activity?.SetStatus(ActivityStatusCode.Error, status is null ? "no answer" : $"HTTP {status}");
            LogAttemptFailed(logger, delivery.Id, delivery.EventType, delivery.Attempts.Count, error.Text, delivery.Status == WebhookDeliveryStatus.Parked);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Adds the event headers and the signature over the timestamp and the exact body.</summary>
    public static HttpRequestMessage Sign(HttpRequestMessage request, WebhookDelivery delivery, string secret, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(delivery);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json");
        request.Headers.Add("DCH-Event-Id", delivery.EventId.ToString());
        request.Headers.Add("DCH-Event-Type", delivery.EventType);
        request.Headers.Add("DCH-Delivery-Id", delivery.Id.ToString());
        request.Headers.Add("DCH-Attempt", (delivery.Attempts.Count + 1).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Signature(secret, timestamp, delivery.Payload)}");
        return request;
    }

    /// <summary>Hex HMAC-SHA256 of <c>timestamp + "." + body</c> under <paramref name="secret"/>: what a receiver recomputes.</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static TimeSpan Backoff(int attempt, WebhookOptions settings)
    {
        var exponential = settings.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({EventType}) attempt {Attempt} failed: {Error}; parked {Parked}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, string eventType, int attempt, string error, bool parked);
}
