using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Audit;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Inbox;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

/// <summary>
/// The hub's one database. Tenant-owned sets are filtered by <see cref="ITenantContext"/> here and nowhere else.
/// </summary>
/// <remarks>
/// Instances are pooled (see <c>AddHubStorage</c>): each lease is bound to its scope's tenant by <see cref="Bind"/> and
/// unbound again when the scope disposes it, so a context that is not bound sees no tenant's rows at all.
/// Code outside the host creates one with <see cref="Create"/>.
/// </remarks>
public sealed partial class HubDbContext(DbContextOptions<HubDbContext> options)
    : IdentityDbContext<ConsoleUser, ConsoleRole, Guid>(options)
{
    private ITenantContext _tenant = NoTenant.Instance;
    private OutboxSignal? _outboxSignal;

    /// <summary>A context outside the pool, bound to <paramref name="tenant"/> for its whole life.</summary>
    public static HubDbContext Create(DbContextOptions<HubDbContext> options, ITenantContext tenant, OutboxSignal? outboxSignal = null)
    {
        var db = new HubDbContext(options);
        db.Bind(tenant, outboxSignal);
        return db;
    }

    internal ITenantContext Tenant => _tenant;

    /// <summary>Binds a (pooled) instance to the tenant of the scope it now serves.</summary>
    internal void Bind(ITenantContext tenant, OutboxSignal? outboxSignal)
    {
        _tenant = tenant;
        _outboxSignal = outboxSignal;
        SubjectsChanged = false;
    }

    /// <summary>A save changed a practice, patient or coverage whose transaction has not committed yet (<see cref="Subjects.SubjectChangeInterceptor"/>).</summary>
    internal bool SubjectsChanged { get; set; }

    public override void Dispose()
    {
        Bind(NoTenant.Instance, null);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Bind(NoTenant.Instance, null);
        return base.DisposeAsync();
    }

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ControlNumberSequence> ControlNumberSequences => Set<ControlNumberSequence>();

    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

    public DbSet<Delivery.ClaimDelivery> ClaimDeliveries => Set<Delivery.ClaimDelivery>();

    public DbSet<Attachments.AttachmentFile> AttachmentFiles => Set<Attachments.AttachmentFile>();

    public DbSet<Rosters.RosterImport> RosterImports => Set<Rosters.RosterImport>();

    public DbSet<Rosters.RosterImportChunk> RosterImportChunks => Set<Rosters.RosterImportChunk>();

    public DbSet<Rosters.DmsMembership> DmsMemberships => Set<Rosters.DmsMembership>();

    public DbSet<Rosters.DataProtectionKeyRecord> DataProtectionKeys => Set<Rosters.DataProtectionKeyRecord>();

    public DbSet<DmsRegistries.DmsRegistryVersion> DmsRegistries => Set<DmsRegistries.DmsRegistryVersion>();

    public DbSet<WorkAssignment> WorkAssignments => Set<WorkAssignment>();

    public DbSet<ClaimActivity> ClaimActivities => Set<ClaimActivity>();

    // Used inside query filters: EF re-reads these per query from the current context instance.
    private Guid? TenantPracticeId => Tenant.PracticeId;

    private bool TenantIsSystem => Tenant.IsSystem;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        NameConsoleTables(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        ConfigureTenantFilters(modelBuilder);
    }

    partial void ConfigureTenantFilters(ModelBuilder modelBuilder);

    // Identity's tables under the console's prefix instead of AspNet*.
    private static void NameConsoleTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsoleUser>().ToTable("console_users");
        modelBuilder.Entity<ConsoleRole>().ToTable("console_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("console_user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("console_user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("console_user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("console_user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("console_role_claims");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var profile = SaveProfile.Start();
        // Detect changes once here (not again in the base call) and note whether an outbox row is among them.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        profile.Mark(SaveStep.DetectChanges);
        ChangeTracker.AutoDetectChangesEnabled = false;
        int written;
        bool wroteOutbox;
        List<ClaimUpdate>? updates;
        List<(CopyTable Table, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> Rows)>? bulk;
        try
        {
            EnqueueClaimEvents();
            profile.Mark(SaveStep.ClaimEvents);
            await FanOutWebhooksAsync(cancellationToken);
            profile.Mark(SaveStep.Webhooks);
            wroteOutbox = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            updates = acceptAllChangesOnSuccess ? TakeBulkClaimUpdates() : null;
            bulk = acceptAllChangesOnSuccess ? TakeBulkInserts() : null;
            profile.Mark(SaveStep.TakeBulk);
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            profile.Mark(SaveStep.EntityFramework);
            if (updates is not null)
            {
                await UpdateClaimsAsync(updates, cancellationToken);
                written += updates.Sum(u => u.Rows.Count);
            }

            profile.Mark(SaveStep.BulkUpdate);
            if (bulk is not null)
            {
                await CopyAsync(bulk, cancellationToken);
                written += LastCopiedRows;
            }

            profile.Mark(SaveStep.Copy);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        if (wroteOutbox && Database.CurrentTransaction is null)
        {
            _outboxSignal?.Notify();
        }

        if (updates is not null || bulk is not null)
        {
            profile.Log(this, written);
        }

        return written;
    }

    // Every claim state change is announced through the outbox in the transaction that makes it: new timeline
    // entries become ClaimStateChanged events, ordered per claim. Doing it here means no code path can forget.
    private void EnqueueClaimEvents()
    {
        List<ClaimTimelineEntry>? added = null;
        foreach (var entry in ChangeTracker.Entries<ClaimTimelineEntry>())
        {
            if (entry.State == EntityState.Added)
            {
                (added ??= []).Add(entry.Entity);
            }
        }

        if (added is null)
        {
            return;
        }

        var claims = new Dictionary<Guid, Claim>();
        foreach (var entry in ChangeTracker.Entries<Claim>())
        {
            claims[entry.Entity.Id] = entry.Entity;
        }

        foreach (var entry in added.OrderBy(e => e.At).ThenBy(e => e.Sequence))
        {
            if (claims.TryGetValue(entry.ClaimId, out var claim))
            {
                this.Enqueue(ClaimStateChanged.Of(claim, entry), entry.At, claim.PracticeId, ClaimOrderingKey(claim.Id));
            }
        }
    }

    /// <summary>The outbox ordering key of a claim's messages.</summary>
    public static string ClaimOrderingKey(Guid claimId) => "claim:" + claimId.ToString("N");

    // What an unbound context sees: no practice, not system — every tenant-owned set is empty.
    private sealed class NoTenant : ITenantContext
    {
        public static readonly NoTenant Instance = new();

        public Guid? PracticeId => null;

        public bool IsSystem => false;
    }
}
