using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Claims.Delivery;

public sealed class ClaimDeliveryOptions
{
    /// <summary>How often queued claims are looked for (claims whose event was lost, deliveries due for a resend).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A claim queued more recently than this is left to the event-driven fast path.</summary>
    public TimeSpan QueuedGrace { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 200;

    /// <summary>When false nothing is sent (tests drive <see cref="ClaimDeliveryService"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The slow path that makes delivery survive crashes: on start and then periodically, every claim still Queued after the
/// grace period is handed to <see cref="ClaimDeliveryService"/> — after a <c>kill -9</c> that is what resends a Prepared
/// delivery or sends a claim whose event died with the in-memory bus.
/// </summary>
public sealed partial class ClaimDeliverySweeper(IServiceScopeFactory scopes, IOptions<ClaimDeliveryOptions> options, TimeProvider time,
    ILogger<ClaimDeliverySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            try
            {
                await Task.Delay(settings.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every claim queued for longer than the grace period; returns how many were looked at.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var before = time.GetUtcNow() - options.Value.QueuedGrace;
            due = await db.Claims.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => c.State == ClaimState.Queued && c.UpdatedAt <= before)
                .OrderBy(c => c.UpdatedAt).Select(c => c.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        }

        foreach (var claimId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimDeliveryService>().DeliverAsync(claimId, cancellationToken);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim delivery sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
