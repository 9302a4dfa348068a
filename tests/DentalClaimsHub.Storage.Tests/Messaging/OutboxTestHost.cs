using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Audit;
using DentalClaimsHub.Storage.Inbox;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests.Messaging;

/// <summary>A message only the tests publish.</summary>
public sealed record TestPinged(Guid PingId, string Note);

/// <summary>Acts by writing an audit row, so "acted once" is counted in PostgreSQL, inside the inbox transaction.</summary>
public sealed class TestPingedConsumer(InboxGuard inbox, TenantContext tenant, HubDbContext db) : IdempotentConsumer<TestPinged>(inbox, tenant)
{
    public const string Action = "test.pinged";

    protected override Task HandleAsync(ConsumeContext<TestPinged> context, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(AuditEvent.Create(DateTimeOffset.UtcNow, "system", "test", null, Action, "ping",
            context.Message.PingId.ToString(), null));
        return Task.CompletedTask;
    }
}

/// <summary>A bare host with the hub's storage, outbox dispatcher and bus: one "hub instance" without HTTP.</summary>
public static class OutboxTestHost
{
    public static IHost Build(string connectionString, bool dispatcherEnabled = true, int batchSize = 100)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hub"] = connectionString,
            ["Messaging:Outbox:Enabled"] = dispatcherEnabled.ToString(),
            ["Messaging:Outbox:PollInterval"] = "00:00:00.100",
            ["Messaging:Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddHubStorage();
        builder.AddHubMessaging(bus => bus.AddConsumer<TestPingedConsumer>());
        return builder.Build();
    }
}
