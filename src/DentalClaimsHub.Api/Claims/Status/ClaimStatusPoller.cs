using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.ClaimStatus;
using DentalClaimsHub.Storage.Telemetry;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Claims.Status;

public sealed class ClaimStatusPollingOptions
{
    /// <summary>How often due claims are looked for.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most claims asked about in one pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Questions in flight at once.</summary>
    public int Parallelism { get; set; } = 4;

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Asks payers about claims they have been silent on: a claim Acknowledged, Accepted or Pending whose last change is older
/// than its payer's <c>claimStatus.pollAfter</c> gets a 276 (or the payer's status protocol), again every
/// <c>pollInterval</c> while it stays there. The answer moves the claim (Accepted, Pending, Rejected, Denied) with the
/// payer's status explained on the timeline; the schedule and a lease per claim live in <c>claim_status_polls</c>, so
/// instances share the work and a restart loses nothing. Money only ever comes from the 835.
/// </summary>
public sealed partial class ClaimStatusPoller(IServiceScopeFactory scopes, PayerProfileCatalog payers, X12CodeDescriptions codes,
    IOptions<ClaimStatusPollingOptions> options, TimeProvider time, ILogger<ClaimStatusPoller> logger) : BackgroundService
{
    public const string Actor = "hub:status";
    private static readonly ClaimState[] Watched = ClaimStatusAnswers.Watched;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Asks about every claim that is due now; returns how many were asked about.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leased = new List<(Guid ClaimId, PayerProfile Payer)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            foreach (var payer in payers.Profiles.Where(p => p.RouteFor(PayerCapability.ClaimStatus) is not null))
            {
                var silentSince = now - payer.ClaimStatus.After;
                var due = await db.Claims.AsNoTracking().IgnoreAutoIncludes()
                    .Where(c => c.PayerId == payer.Id && c.Purpose == ClaimPurpose.Claim && Watched.Contains(c.State) && c.UpdatedAt <= silentSince)
                    .Where(c => !db.ClaimStatusPolls.Any(p => p.ClaimId == c.Id && (p.NextPollAt > now || p.LeaseUntil > now)))
                    .OrderBy(c => c.UpdatedAt).Select(c => new { c.Id, c.PracticeId }).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
                foreach (var claim in due)
                {
                    var lease = now + TimeSpan.FromMinutes(5);
                    var taken = await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO claim_status_polls (claim_id, practice_id, payer_id, next_poll_at, lease_until, polls, consecutive_failures)
                        VALUES ({claim.Id}, {claim.PracticeId}, {payer.Id}, {now}, {lease}, 0, 0)
                        ON CONFLICT (claim_id) DO UPDATE SET lease_until = EXCLUDED.lease_until
                        WHERE claim_status_polls.next_poll_at <= {now}
                          AND (claim_status_polls.lease_until IS NULL OR claim_status_polls.lease_until < {now})
                        """, cancellationToken);
                    if (taken == 1)
                    {
                        leased.Add((claim.Id, payer));
                    }
                }
            }
        }

        if (leased.Count == 0)
        {
            return 0;
        }

        // A pass that asks about claims is a trace of its own, each question a span in it.
        using var activity = HubActivitySources.ClaimStatus.StartRoot("claim status pass");
        activity?.SetTag("dch.claim.count", leased.Count);
        await Parallel.ForEachAsync(leased, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (item, ct) => await PollAsync(item.ClaimId, item.Payer, ct));
        return leased.Count;
    }

    private async Task PollAsync(Guid claimId, PayerProfile payer, CancellationToken cancellationToken)
    {
        using var activity = HubActivitySources.ClaimStatus.StartActivity("claim status poll");
        activity?.SetTag("dch.claim.id", claimId.ToString());
        activity?.SetTag("payer.id", payer.Id);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var poll = await db.ClaimStatusPolls.SingleAsync(p => p.ClaimId == claimId, cancellationToken);
        var claim = await db.Claims.AsSplitQuery().SingleAsync(c => c.Id == claimId, cancellationToken);
        var now = time.GetUtcNow();
        if (!Watched.Contains(claim.State))
        {
            // Moved on (an 835 or acknowledgement arrived) between the lease and now: nothing to ask, nothing to apply.
            poll.Answered(now, $"Not asked: the claim is {claim.State}.", null, now + payer.ClaimStatus.Interval);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        var adapter = scope.ServiceProvider.GetServices<IClaimStatusAdapter>().For(payer);
        ClaimStatusResult result;
        try
        {
            var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == claim.PracticeId, cancellationToken);
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == claim.PatientId, cancellationToken);
            var coverage = await db.Coverages.AsNoTracking().SingleAsync(c => c.Id == claim.CoverageId, cancellationToken);
            result = adapter is null
                ? ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable, $"No claim status adapter for {payer.Id}'s protocol.")
                : await adapter.CheckAsync(new ClaimStatusInquiry(ClaimStatusQuery.For(claim, practice, patient, coverage), payer, claim.PracticeId),
                    cancellationToken);
        }
        catch (DomainException e)
        {
            result = ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable, e.Message);
        }

        if (result.Failure is { } failure)
        {
            poll.Failed(now, $"{failure.Kind}: {failure.Message}", payer.ClaimStatus.Interval);
        }
        else
        {
            var said = ClaimStatusAnswers.Reason(result, codes);
            ClaimStatusAnswers.Apply(claim, result, said, Actor, now);
            poll.Answered(now, said.Text, null, now + payer.ClaimStatus.Interval);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim status pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
