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

/// <summary>Names the test host a consumer runs in.</summary>
public sealed record TestInstance(string Name);

/// <summary>
/// Acts by writing an audit row (its actor id is the instance that acted), so "acted once" is counted in PostgreSQL,
/// inside the inbox transaction.
/// </summary>
public sealed class TestPingedConsumer(InboxGuard inbox, TenantContext tenant, HubDbContext db, TestInstance instance)
    : IdempotentConsumer<TestPinged>(inbox, tenant)
{
    public const string Action = "test.pinged";

    protected override Task HandleAsync(ConsumeContext<TestPinged> context, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(AuditEvent.Create(DateTimeOffset.UtcNow, "system", instance.Name, null, Action, "ping",
            context.Message.PingId.ToString(), null));
        return Task.CompletedTask;
    }
}

/// <summary>A bare host with the hub's storage, outbox dispatcher and bus: one "hub instance" without HTTP.</summary>
public static class OutboxTestHost
{
    /// <param name="rabbitMq">The broker's address for the RabbitMQ transport; in-memory when null.</param>
    public static IHost Build(string connectionString, bool dispatcherEnabled = true, int batchSize = 100, string? rabbitMq = null,
        string instance = "test", IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hub"] = connectionString,
            ["Messaging:Outbox:Enabled"] = dispatcherEnabled.ToString(),
            ["Messaging:Outbox:PollInterval"] = "00:00:00.100",
            ["Messaging:Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (rabbitMq is not null)
        {
            configuration["Messaging:Transport"] = "RabbitMq";
            configuration["Messaging:RabbitMq:Url"] = rabbitMq;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(new TestInstance(instance));
        builder.AddHubStorage();
        builder.AddHubMessaging(bus => bus.AddConsumer<TestPingedConsumer>());
        return builder.Build();
    }
}
