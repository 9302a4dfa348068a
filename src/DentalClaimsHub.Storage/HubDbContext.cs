using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Audit;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Inbox;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

/// <summary>
/// The hub's one database. Tenant-owned sets are filtered by <see cref="ITenantContext"/> here and nowhere else.
/// </summary>
public sealed partial class HubDbContext(DbContextOptions<HubDbContext> options, ITenantContext tenant, OutboxSignal? outboxSignal = null)
    : DbContext(options)
{
    internal ITenantContext Tenant { get; } = tenant;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ControlNumberSequence> ControlNumberSequences => Set<ControlNumberSequence>();

    // Used inside query filters: EF re-reads these per query from the current context instance.
    private Guid? TenantPracticeId => Tenant.PracticeId;

    private bool TenantIsSystem => Tenant.IsSystem;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        ConfigureTenantFilters(modelBuilder);
    }

    partial void ConfigureTenantFilters(ModelBuilder modelBuilder);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var wroteOutbox = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (wroteOutbox && Database.CurrentTransaction is null)
        {
            outboxSignal?.Notify();
        }

        return written;
    }
}
