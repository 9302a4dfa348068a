using System.Collections;
using System.Diagnostics;
using DentalClaimsHub.Api.Tests.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DentalClaimsHub.Api.Tests.Telemetry;

/// <summary>
/// Activity listeners and meters are process-wide: with other hosts alive, their spans and gauges would reach these
/// providers too. The collection runs after the parallel ones, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>
/// The claim delivery host with tracing on, its spans and metrics going to in-memory exporters as well, gauges read fresh
/// on every collection, and the sweeper kept out of the way so claims go out on the event-driven path.
/// </summary>
public sealed class TelemetryFactory : ClaimDeliveryFactory
{
    public LockedList<Activity> Spans { get; } = new();

    public LockedList<MetricSnapshot> Metrics { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Telemetry:Tracing", "true"),
        new("Telemetry:Gauges:OutboxCacheFor", "00:00:00"),
        new("Telemetry:Gauges:ClaimStatesCacheFor", "00:00:00"),
        new("Hub:Claims:Delivery:QueuedGrace", "00:10:00"),
        new("Hub:Webhooks:AllowHttp", "true"),
        new("Hub:Webhooks:PollInterval", "00:00:00.100"),
        new("Hub:Webhooks:FirstRetryDelay", "00:00:00.200"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        });
    }
}

/// <summary>A list the exporters (on whatever thread ends a span) and the test can share.</summary>
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public List<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (_gate)
        {
            return _items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (_gate)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
