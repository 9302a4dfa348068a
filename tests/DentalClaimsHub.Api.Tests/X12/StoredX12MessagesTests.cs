using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Api.X12;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.X12;

/// <summary>
/// The message log takes its scope's context at the first message, not when it is made: an eligibility runner makes its
/// adapter, and the log with it, before the payer call, and a context taken then was held through the whole wait.
/// </summary>
public sealed class StoredX12MessagesTests
{
    [Fact]
    public void Record_ContextTakenAtTheFirstMessage_AndBothMessagesAddedToIt()
    {
        var contexts = new List<HubDbContext>();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(_ =>
        {
            var options = new DbContextOptionsBuilder<HubDbContext>();
            options.UseHubDatabase("Host=127.0.0.1;Database=never_opened");
            var db = HubDbContext.Create(options.Options, TenantContext.System());
            contexts.Add(db);
            return db;
        });
        services.AddScoped<IX12MessageLog, StoredX12Messages>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var log = scope.ServiceProvider.GetRequiredService<IX12MessageLog>();
        Assert.Empty(contexts);

        var check = Guid.NewGuid();
        var sent = log.Record(new X12MessageRecord(true, "270", "ISA*00~", "payer-a", Guid.NewGuid(), check));
        var received = log.Record(new X12MessageRecord(false, "271", "ISA*00~", "payer-a", Guid.NewGuid(), check));

        var db = Assert.Single(contexts);
        Assert.Equal([sent, received], db.ChangeTracker.Entries<StoredMessage>().Select(e => e.Entity.Id));
        Assert.All(db.ChangeTracker.Entries<StoredMessage>(), e => Assert.Equal(EntityState.Added, e.State));
    }
}
