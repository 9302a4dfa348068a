using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing.Broker;
using DentalClaimsHub.Testing.Postgres;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests.Messaging;

/// <summary>
/// The RabbitMQ transport against a real broker (a virtual host of its own per test class): instances share one queue
/// per consumer and compete for its messages, every outbox row acts exactly once, and a broker that cannot be reached
/// leaves the work in PostgreSQL and says so in the health report.
/// </summary>
public sealed class RabbitMqTransportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.CreateAsync(nameof(RabbitMqTransportTests));
        _database = await TestDatabase.CreateAsync(nameof(RabbitMqTransportTests));
        using var host = OutboxTestHost.Build(_database.ConnectionString, dispatcherEnabled: false);
        await host.Services.MigrateHubDatabaseAsync();
    }

    // xunit disposes even when InitializeAsync stopped part way (no broker, a failed migration): whatever it made is removed,
    // and a database is not left behind in the server.
    public async Task DisposeAsync()
    {
        try
        {
            if (_broker is not null)
            {
                await _broker.DisposeAsync();
            }
        }
        finally
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TwoInstances_OneBroker_CompeteForMessagesAndActOncePerRow()
    {
        using var first = OutboxTestHost.Build(_database.ConnectionString, batchSize: 10, rabbitMq: _broker.Url, instance: "first");
        using var second = OutboxTestHost.Build(_database.ConnectionString, batchSize: 10, rabbitMq: _broker.Url, instance: "second");
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await Task.WhenAll(HealthyAsync(first), HealthyAsync(second));
        var pingIds = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();
        // Half the rows are written by each instance, as API requests landing on either would.
        foreach (var (chunk, index) in pingIds.Chunk(30).Select((c, i) => (c, i)))
        {
            await EnqueueAsync(index % 2 == 0 ? first : second, chunk);
        }

        await WaitUntilAsync(async () => (await ActsAsync(pingIds)).Count == pingIds.Count, TimeSpan.FromSeconds(90));
        await Task.Delay(1000); // a duplicate would show up now
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var acts = await ActsAsync(pingIds);
        Assert.All(pingIds, id => Assert.Equal(1, acts[id].Count));
        var byInstance = acts.Values.SelectMany(a => a.Instances).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byInstance.GetValueOrDefault("first") > 0 && byInstance.GetValueOrDefault("second") > 0,
            $"both instances consume from the shared queue: {string.Join(", ", byInstance.Select(p => $"{p.Key} {p.Value}"))}");
        await using var db = CreateContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DispatchedAt == null));
        Assert.Contains("TestPinged", await _broker.QueuesJsonAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerUnreachable_RowStaysInTheOutboxWithItsError_AndHealthSaysDegraded()
    {
        var pingId = Guid.NewGuid();
        using var host = OutboxTestHost.Build(_database.ConnectionString, rabbitMq: "amqp://dch:dch@127.0.0.1:9/", instance: "cut-off",
            settings: new Dictionary<string, string?> { ["Messaging:RabbitMq:PublishTimeout"] = "00:00:01" });
        await host.StartAsync();
        await EnqueueAsync(host, [pingId]);

        await WaitUntilAsync(async () =>
        {
            await using var db = CreateContext();
            return await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null && m.Attempts > 0 && m.LastError != null);
        }, TimeSpan.FromSeconds(30));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        await host.StopAsync();

        Assert.Equal(HealthStatus.Degraded, health.Entries[MessagingRegistration.HealthCheckName].Status);
        Assert.False((await ActsAsync([pingId])).ContainsKey(pingId));
        await using var check = CreateContext();
        var row = await check.OutboxMessages.SingleAsync(m => m.DispatchedAt == null);
        Assert.DoesNotContain("dch:dch", row.LastError, StringComparison.Ordinal);
    }

    private static async Task HealthyAsync(IHost host) =>
        Assert.Equal(BusHealthStatus.Healthy,
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));

    private static async Task EnqueueAsync(IHost host, IEnumerable<Guid> pingIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var id in pingIds)
        {
            db.Enqueue(new TestPinged(id, "over RabbitMQ"), DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
    }

    private async Task<Dictionary<Guid, (int Count, List<string> Instances)>> ActsAsync(IReadOnlyCollection<Guid> pingIds)
    {
        await using var db = CreateContext();
        var ids = pingIds.Select(id => id.ToString()).ToList();
        var rows = await db.AuditEvents.Where(a => a.Action == TestPingedConsumer.Action && ids.Contains(a.EntityId))
            .Select(a => new { a.EntityId, a.ActorId }).ToListAsync();
        return rows.GroupBy(r => Guid.Parse(r.EntityId!))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Select(r => r.ActorId!).ToList()));
    }

    private HubDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(_database.ConnectionString);
        return HubDbContext.Create(options.Options, TenantContext.System());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met in time.");
            }

            await Task.Delay(100);
        }
    }
}
