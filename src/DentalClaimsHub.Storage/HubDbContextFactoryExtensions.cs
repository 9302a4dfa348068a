using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

public static class HubDbContextFactoryExtensions
{
    /// <summary>
    /// A pooled context that sees every practice, for hub staff tools (the admin console) that are not bound to one
    /// request's tenant. Dispose it after the unit of work; the console opens one per operation.
    /// </summary>
    public static HubDbContext CreateHubWideContext(this IDbContextFactory<HubDbContext> factory, OutboxSignal? outboxSignal = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var db = factory.CreateDbContext();
        db.Bind(TenantContext.System(), outboxSignal);
        return db;
    }
}
