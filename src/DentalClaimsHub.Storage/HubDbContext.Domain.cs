using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Remittances;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

// The canonical model's sets and the one place tenant filtering happens.
public sealed partial class HubDbContext
{
    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Coverage> Coverages => Set<Coverage>();

    public DbSet<EligibilityCheck> EligibilityChecks => Set<EligibilityCheck>();

    public DbSet<FeeSchedule> FeeSchedules => Set<FeeSchedule>();

    public DbSet<Estimate> Estimates => Set<Estimate>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<PreAuthorization> PreAuthorizations => Set<PreAuthorization>();

    public DbSet<Remittance> Remittances => Set<Remittance>();

    public DbSet<ClaimPayment> ClaimPayments => Set<ClaimPayment>();

    partial void ConfigureTenantFilters(ModelBuilder modelBuilder)
    {
        // A practice key sees its own practice's rows; trusted background work (IsSystem) sees all; anything else nothing.
        modelBuilder.Entity<Patient>().HasQueryFilter(p => TenantIsSystem || p.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Coverage>().HasQueryFilter(c => TenantIsSystem || c.PracticeId == TenantPracticeId);
        modelBuilder.Entity<EligibilityCheck>().HasQueryFilter(c => TenantIsSystem || c.PracticeId == TenantPracticeId);
        modelBuilder.Entity<FeeSchedule>().HasQueryFilter(f => TenantIsSystem || f.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Estimate>().HasQueryFilter(e => TenantIsSystem || e.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Claim>().HasQueryFilter(c => TenantIsSystem || c.PracticeId == TenantPracticeId);
        modelBuilder.Entity<PreAuthorization>().HasQueryFilter(p => TenantIsSystem || p.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Remittance>().HasQueryFilter(r => TenantIsSystem || r.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Rosters.RosterImport>().HasQueryFilter(i => TenantIsSystem || i.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Rosters.RosterImportChunk>().HasQueryFilter(c => TenantIsSystem || c.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Rosters.DmsMembership>().HasQueryFilter(m => TenantIsSystem || m.PracticeId == TenantPracticeId);
        modelBuilder.Entity<DmsRegistries.DmsRegistryVersion>().HasQueryFilter(r => TenantIsSystem || r.PracticeId == TenantPracticeId);
        modelBuilder.Entity<DmsActs.DmsAct>().HasQueryFilter(a => TenantIsSystem || a.PracticeId == TenantPracticeId);
        modelBuilder.Entity<DmsActs.DmsActLine>().HasQueryFilter(l => TenantIsSystem || l.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Webhooks.WebhookSubscription>().HasQueryFilter(w => TenantIsSystem || w.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Webhooks.WebhookDelivery>().HasQueryFilter(d => TenantIsSystem || d.PracticeId == TenantPracticeId);
        modelBuilder.Entity<ClaimStatus.ClaimStatusPoll>().HasQueryFilter(p => TenantIsSystem || p.PracticeId == TenantPracticeId);
        modelBuilder.Entity<ClaimPayment>().HasQueryFilter(p => TenantIsSystem || p.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Idempotency.IdempotencyRecord>().HasQueryFilter(r => TenantIsSystem || r.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Attachments.AttachmentFile>().HasQueryFilter(f => TenantIsSystem || f.PracticeId == TenantPracticeId);
        modelBuilder.Entity<Delivery.ClaimDelivery>().HasQueryFilter(d => TenantIsSystem || d.PracticeId == TenantPracticeId);
    }
}
