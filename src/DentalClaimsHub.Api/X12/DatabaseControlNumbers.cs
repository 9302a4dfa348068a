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
/// </summary>
public sealed class DatabaseControlNumbers(IServiceScopeFactory scopes, IOptions<X12Options> options) : IControlNumberAllocator
{
    private readonly ConcurrentDictionary<(string Partner, string Scope), Series> _series = new();

    public async Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken)
    {
        var series = _series.GetOrAdd((tradingPartner, scope), _ => new Series());
        await series.Gate.WaitAsync(cancellationToken);
        try
        {
            if (series.Next > series.Last)
            {
                var block = await ReserveAsync(tradingPartner, scope, Math.Max(1, options.Value.ControlNumberBlockSize), cancellationToken);
                (series.Next, series.Last) = (block.First, block.Last);
            }

            return series.Next++;
        }
        finally
        {
            series.Gate.Release();
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
    }
}
