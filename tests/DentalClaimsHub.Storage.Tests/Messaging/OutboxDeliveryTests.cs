using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing.Postgres;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests.Messaging;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(nameof(OutboxDeliveryTests));
        using var host = OutboxTestHost.Build(_database.ConnectionString, dispatcherEnabled: false);
        await host.Services.MigrateHubDatabaseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Dispatcher_RowCommittedWhileStopped_PublishesExactlyOnceAfterStart()
    {
        var pingId = Guid.NewGuid();
        using (var stopped = OutboxTestHost.Build(_database.ConnectionString, dispatcherEnabled: false))
        {
            await stopped.StartAsync();
            await EnqueueAsync(stopped, new TestPinged(pingId, "written while the dispatcher is stopped"));
            await Task.Delay(500);
            Assert.Equal(0, await CountActsAsync(pingId));
            Assert.Equal(1, await CountPendingAsync());
            await stopped.StopAsync();
        }

        using var running = OutboxTestHost.Build(_database.ConnectionString);
        await running.StartAsync();
        await WaitUntilAsync(async () => await CountActsAsync(pingId) > 0);
        // Give a second dispatch cycle the chance to (wrongly) publish again before counting.
        await running.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);
        await Task.Delay(300);
        await running.StopAsync();

        Assert.Equal(1, await CountActsAsync(pingId));
        Assert.Equal(0, await CountPendingAsync());
    }

    [Fact]
    public async Task Consumer_SameMessageIdTwice_ActsOnce()
    {
        var pingId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        using var host = OutboxTestHost.Build(_database.ConnectionString, dispatcherEnabled: false);
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new TestPinged(pingId, "first"), ctx => ctx.MessageId = messageId);
        await bus.Publish(new TestPinged(pingId, "duplicate"), ctx => ctx.MessageId = messageId);
        await bus.Publish(new TestPinged(pingId, "another message"), ctx => ctx.MessageId = Guid.NewGuid());
        await WaitUntilAsync(async () => await CountActsAsync(pingId) >= 2);
        await Task.Delay(500);
        await host.StopAsync();

        Assert.Equal(2, await CountActsAsync(pingId));
    }

    [Fact]
    public async Task Dispatcher_TwoInstancesSharingTheOutbox_PublishEveryRowOnce()
    {
        var pingIds = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();
        using (var writer = OutboxTestHost.Build(_database.ConnectionString, dispatcherEnabled: false))
        {
            foreach (var chunk in pingIds.Chunk(40))
            {
                await EnqueueAsync(writer, [.. chunk.Select(id => new TestPinged(id, "bulk"))]);
            }
        }

        using var first = OutboxTestHost.Build(_database.ConnectionString, batchSize: 7);
        using var second = OutboxTestHost.Build(_database.ConnectionString, batchSize: 7);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        // Dispatched is not yet consumed: wait for every consumer to have acted, then give duplicates a chance to show.
        await WaitUntilAsync(async () => (await ActsPerPingAsync(pingIds)).Count == pingIds.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.Equal(0, await CountPendingAsync());
        var acts = await ActsPerPingAsync(pingIds);
        Assert.All(pingIds, id => Assert.Equal(1, acts.GetValueOrDefault(id)));
    }

    private async Task EnqueueAsync(IHost host, params TestPinged[] messages)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var message in messages)
        {
            db.Enqueue(message, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
    }

    private async Task<int> CountActsAsync(Guid pingId) =>
        (await ActsPerPingAsync([pingId])).GetValueOrDefault(pingId);

    private async Task<Dictionary<Guid, int>> ActsPerPingAsync(IReadOnlyCollection<Guid> pingIds)
    {
        await using var db = CreateContext();
        var ids = pingIds.Select(id => id.ToString()).ToList();
        var rows = await db.AuditEvents.Where(a => a.Action == TestPingedConsumer.Action && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return rows.ToDictionary(r => Guid.Parse(r.Key), r => r.Count);
    }

    private async Task<int> CountPendingAsync()
    {
        await using var db = CreateContext();
        return await db.OutboxMessages.CountAsync(m => m.DispatchedAt == null);
    }

    private HubDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(_database.ConnectionString);
        return HubDbContext.Create(options.Options, TenantContext.System());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met in time.");
            }

            await Task.Delay(50);
        }
    }
}
