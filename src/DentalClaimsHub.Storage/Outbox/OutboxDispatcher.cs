using System.Diagnostics;
using System.Text.Json;
using DentalClaimsHub.Storage.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Storage.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit, in order per ordering key, and marks them dispatched.
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so several instances share the work; a crash
/// after publishing but before marking re-publishes with the same message id, which consumers' inbox turns into a no-op.
/// Each row is published inside a span parented by the trace context stored on the row, so MassTransit carries the
/// writer's trace on to the consumer.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, ex);
                published = 0;
            }

            if (published == 0)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and publishes one batch; returns how many messages were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await ClaimAsync(db, cancellationToken);
        var published = 0;
        foreach (var row in rows)
        {
            using var activity = StartPublishActivity(row);
            try
            {
                await PublishAsync(row, cancellationToken);
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE outbox_messages SET dispatched_at = now(), locked_until = NULL, locked_by = NULL, attempts = attempts + 1 WHERE sequence = {row.Sequence}",
                    cancellationToken);
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                LogPublishFailed(logger, row.MessageId, row.MessageType, ex);
                var retryIn = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(row.Attempts, 8))));
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {Truncate(ex.Message)}, locked_until = now() + {retryIn}, locked_by = NULL WHERE sequence = {row.Sequence}",
                    cancellationToken);
                // Later rows of the same ordering key stay blocked by this one; others of the batch go on.
            }
        }

        return published;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var lease = options.Value.LockDuration;
        var batch = options.Value.BatchSize;
        // A row is claimable when no earlier undispatched row shares its ordering key: that keeps per-key order
        // across instances without a global lock.
        var rows = await db.OutboxMessages.FromSql($"""
            UPDATE outbox_messages SET locked_until = now() + {lease}, locked_by = {_instance}
            WHERE sequence IN (
                SELECT o.sequence FROM outbox_messages o
                WHERE o.dispatched_at IS NULL
                  AND (o.locked_until IS NULL OR o.locked_until < now())
                  AND (o.ordering_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM outbox_messages e
                        WHERE e.ordering_key = o.ordering_key AND e.dispatched_at IS NULL AND e.sequence < o.sequence))
                ORDER BY o.sequence
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }

    // A row written outside any trace (or before traces were stored) starts a trace of its own.
    private static Activity? StartPublishActivity(OutboxMessage row)
    {
        var parent = ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var context) ? context : default;
        var activity = parent == default
            ? HubDiagnostics.Outbox.StartRoot("outbox publish")
            : HubDiagnostics.Outbox.StartActivity("outbox publish", ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.message.id", row.MessageId.ToString());
            activity.SetTag("dch.outbox.sequence", row.Sequence);
            activity.SetTag("dch.outbox.message_type", ShortTypeName(row.MessageType));
            activity.SetTag("dch.outbox.attempt", row.Attempts + 1);
        }

        return activity;
    }

    // "DentalClaimsHub.Domain.Claims.ClaimStateChanged, DentalClaimsHub.Domain" → "ClaimStateChanged".
    private static string ShortTypeName(string typeName)
    {
        var name = typeName.Split(',', 2)[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = Type.GetType(row.MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message type '{row.MessageType}' cannot be resolved.");
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox message {row.MessageId} has an empty body.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Value.PublishTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The transport did not take outbox message {row.MessageId} within {options.Value.PublishTimeout}.");
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} of type {MessageType} failed; it will be retried")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, Exception exception);
}
