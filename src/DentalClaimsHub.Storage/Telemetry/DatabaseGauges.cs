using System.Diagnostics.Metrics;
using System.Text.Json;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Storage.Telemetry;

public sealed class DatabaseGaugeOptions
{
    /// <summary>How long an outbox depth reading is reused (a count over the partial index of undispatched rows).</summary>
    public TimeSpan OutboxCacheFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the claims-per-state reading is reused (a grouped count over every claim).</summary>
    public TimeSpan ClaimStatesCacheFor { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Gauges read from PostgreSQL, the source of truth every instance shares: <c>dch.outbox.pending</c> (rows not yet
/// published) and <c>dch.claims</c> per <c>claim.state</c>. A collection reuses a reading younger than its cache time, so
/// scrapes and exports from several instances cost the database one cheap query every few seconds. A failed reading is
/// logged, the previous one stays, and it is not retried before the cache time has passed.
/// </summary>
public sealed partial class DatabaseGauges
{
    private static readonly ClaimState[] States = Enum.GetValues<ClaimState>();

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<DatabaseGaugeOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseGauges> _logger;
    private readonly Lock _gate = new();
    private (DateTimeOffset At, long? Pending) _outbox = (DateTimeOffset.MinValue, null);
    private (DateTimeOffset At, Dictionary<ClaimState, long>? Counts) _claims = (DateTimeOffset.MinValue, null);

    public DatabaseGauges(IMeterFactory meters, IServiceScopeFactory scopes, IOptions<DatabaseGaugeOptions> options, TimeProvider time,
        ILogger<DatabaseGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _scopes = scopes;
        _options = options;
        _time = time;
        _logger = logger;
        var meter = meters.Create(HubDiagnostics.MeterName);
        meter.CreateObservableGauge("dch.outbox.pending", ObserveOutbox, "{message}",
            "Outbox rows committed but not yet published (all instances).");
        meter.CreateObservableGauge("dch.claims", ObserveClaims, "{claim}", "Claims per lifecycle state (all practices).");
    }

    /// <summary>The API's name of a state: "submitted", "partiallyPaid".</summary>
    public static string StateName(ClaimState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private IEnumerable<Measurement<long>> ObserveOutbox()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _outbox.At >= _options.Value.OutboxCacheFor)
            {
                _outbox = (now, TryRead(db => db.OutboxMessages.LongCount(m => m.DispatchedAt == null), "dch.outbox.pending", out var read)
                    ? read
                    : _outbox.Pending);
            }

            return _outbox.Pending is { } pending ? [new Measurement<long>(pending)] : [];
        }
    }

    private IEnumerable<Measurement<long>> ObserveClaims()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _claims.At >= _options.Value.ClaimStatesCacheFor)
            {
                _claims = (now, TryRead(db => db.Claims.AsNoTracking().IgnoreAutoIncludes().GroupBy(c => c.State)
                        .Select(g => new { State = g.Key, Count = g.LongCount() }).ToDictionary(g => g.State, g => g.Count), "dch.claims", out var counts)
                    ? counts
                    : _claims.Counts);
            }

            if (_claims.Counts is not { } known)
            {
                return [];
            }

            // Every state, zeros included, so a state that empties out reads 0 instead of vanishing.
            return [.. States.Select(s => new Measurement<long>(known.GetValueOrDefault(s), new KeyValuePair<string, object?>("claim.state", StateName(s))))];
        }
    }

    // Observable callbacks are synchronous: the query runs on the collecting thread, which the cache keeps rare.
    private bool TryRead<T>(Func<HubDbContext, T> query, string instrument, out T value)
    {
        try
        {
            using var scope = _scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            value = query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReadFailed(_logger, instrument, ex.GetType().Name);
            value = default!;
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading gauge {Instrument} from the database failed ({Error}); the previous reading stays")]
    private static partial void LogReadFailed(ILogger logger, string instrument, string error);
}
