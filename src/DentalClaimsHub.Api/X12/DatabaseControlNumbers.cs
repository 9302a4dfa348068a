using System.Collections.Concurrent;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.X12;

/// <summary>
/// X12 control numbers from the database sequences, so every hub instance draws from one series per trading partner.
/// Numbers are reserved in blocks (<c>Hub:X12:ControlNumberBlockSize</c>, 50 by default) and handed out from memory: one
/// round trip per block instead of three per interchange. Numbers stay unique across instances; a block left unused
/// at shutdown is a gap, which X12 allows (ISA13 must not repeat, it need not be gapless).
/// The next block is reserved in the background once half of the current one is handed out, so no interchange waits for
/// the reservation's durable commit (a disk flush): before, one check in 25 waited for it at 500 eligibility checks a
/// second, and every check behind it in the series' queue with it.
/// </summary>
public sealed class DatabaseControlNumbers(IServiceScopeFactory scopes, IOptions<X12Options> options) : IControlNumberAllocator
{
    private readonly ConcurrentDictionary<(string Partner, string Scope), Series> _series = new();

    public async Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken)
    {
        var series = _series.GetOrAdd((tradingPartner, scope), _ => new Series());
        var blockSize = Math.Max(1, options.Value.ControlNumberBlockSize);
        await series.Gate.WaitAsync(cancellationToken);
        try
        {
            if (series.Next > series.Last)
            {
                var upcoming = series.Upcoming ?? ReserveAsync(tradingPartner, scope, blockSize, cancellationToken);
                // A failed reservation is not kept: the next number asks the database again.
                series.Upcoming = null;
                var block = await upcoming;
                (series.Next, series.Last) = (block.First, block.Last);
            }

            var number = series.Next++;
            if (series.Upcoming is null && series.Last - series.Next + 1 <= blockSize / 2)
            {
                series.Upcoming = ReserveAhead(tradingPartner, scope, blockSize);
            }

            return number;
        }
        finally
        {
            series.Gate.Release();
        }
    }

    // The reservation belongs to no request: it does not flow the caller's context (its trace, its payer-wait tally) and
    // is not cancelled with it. Its failure surfaces when the block is needed, to the caller that awaits it.
    private Task<ControlNumberBlock> ReserveAhead(string tradingPartner, string scope, int count)
    {
        using (ExecutionContext.SuppressFlow())
        {
            var reservation = Task.Run(() => ReserveAsync(tradingPartner, scope, count, CancellationToken.None));
            // Observed here too, so a reservation nobody awaits (the hub stopping) does not end as an unobserved exception.
            _ = reservation.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return reservation;
        }
    }

    private async Task<ControlNumberBlock> ReserveAsync(string tradingPartner, string scope, int count, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantContext>().UseSystem(); // the sequence table is not tenant data
        return await services.ServiceProvider.GetRequiredService<ControlNumberAllocator>().ReserveAsync(tradingPartner, scope, count, cancellationToken);
    }

    private sealed class Series
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Next { get; set; } = 1;

        public long Last { get; set; }

        /// <summary>The next block, being reserved while the current one is handed out.</summary>
        public Task<ControlNumberBlock>? Upcoming { get; set; }
    }
}
