using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Delivery;
using DentalClaimsHub.Storage.Telemetry;
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

    /// <summary>Most claims one sweep looks at (and so the largest interchange it builds).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Claims of payers without a batching window delivered at the same time by one sweep.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>When false nothing is sent (tests drive <see cref="ClaimDeliveryService"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The slow path that makes delivery survive crashes: on start and then periodically, every claim still Queued after the
/// grace period is handed to <see cref="ClaimDeliveryService"/> — after a <c>kill -9</c> that is what resends a Prepared
/// delivery or sends a claim whose event died with the in-memory bus.
/// </summary>
public sealed partial class ClaimDeliverySweeper(IServiceScopeFactory scopes, IOptions<ClaimDeliveryOptions> options, TimeProvider time,
    PayerProfileCatalog payers, ILogger<ClaimDeliverySweeper> logger) : BackgroundService
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

    /// <summary>
    /// Delivers every claim queued for longer than the grace period — one by one (several at a time) for payers that take
    /// claims at once, and per practice in one interchange for payers with a batching window once its oldest claim has
    /// waited that long. Returns how many claims were looked at.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<(Guid Id, Guid PracticeId, string PayerId, ClaimPurpose Purpose, DateTimeOffset QueuedAt)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var before = now - options.Value.QueuedGrace;
            // Claims whose last attempt is backing off are skipped, so a payer that is down does not crowd out the rest.
            due = (await db.Claims.AsNoTracking().IgnoreAutoIncludes()
                    .Where(c => c.State == ClaimState.Queued && c.UpdatedAt <= before
                        && !db.ClaimDeliveries.Any(d => d.Status == ClaimDeliveryStatus.Prepared && d.NextAttemptAt > now && d.ClaimIds.Contains(c.Id)))
                    .OrderBy(c => c.UpdatedAt).Take(options.Value.BatchSize)
                    .Select(c => new { c.Id, c.PracticeId, c.PayerId, c.Purpose, c.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.PracticeId, c.PayerId, c.Purpose, c.UpdatedAt)).ToList();
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // Re-delivery is work of its own, not the (long gone) request's: each sweep that finds claims is a new trace.
        using var activity = HubActivitySources.Claims.StartRoot("claims sweep");
        activity?.SetTag("dch.claim.count", due.Count);
        var single = new List<Guid>();
        var batches = new List<List<Guid>>();
        foreach (var group in due.GroupBy(c => (c.PracticeId, c.PayerId, c.Purpose)))
        {
            var window = ClaimDeliveryService.BatchInterval(payers.Find(group.Key.PayerId));
            if (window <= TimeSpan.Zero || group.Key.Purpose != ClaimPurpose.Claim)
            {
                single.AddRange(group.Select(c => c.Id));
            }
            else if (group.Min(c => c.QueuedAt) <= now - window)
            {
                batches.Add([.. group.Select(c => c.Id)]);
            }
        }

        await Parallel.ForEachAsync(single, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (claimId, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClaimDeliveryService>().DeliverAsync(claimId, ct, evenIfBatched: true);
            });
        foreach (var batch in batches)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimDeliveryService>().DeliverAsync(batch, cancellationToken);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim delivery sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
