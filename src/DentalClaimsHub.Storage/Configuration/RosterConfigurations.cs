using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

// Roster imports keep their report as jsonb (read whole, never queried inside); memberships are the table eligibility
// reads by (practice, payer, policy key); the stored file's encrypted chunks hang off the import and go with it.
internal sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.ToTable("roster_imports");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasOne<Practice>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.PayerId).HasMaxLength(80);
        b.Property(i => i.FileName).HasMaxLength(255);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.Source).HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Kind).HasMaxLength(16);
        b.Property(i => i.Format).HasMaxLength(8);
        b.Property(i => i.Encoding).HasMaxLength(32);
        b.Property(i => i.DocumentNumber).HasMaxLength(80);
        b.Property(i => i.ContractNumber).HasMaxLength(80);
        b.Property(i => i.Failure).HasMaxLength(1000);
        b.Property(i => i.FailureCode).HasMaxLength(40);
        b.Property(i => i.FailureArgs).IsRequired();
        b.Property(i => i.ZipPassword).HasMaxLength(2000);
        b.Property<List<RosterImportError>?>(nameof(RosterImport.Errors)).HasJsonConversion().IsRequired();
        b.HasIndex(i => new { i.PracticeId, i.PayerId, i.Sha256 }).IsUnique();
        b.HasIndex(i => new { i.Status, i.ReceivedAt });
        b.HasIndex(i => i.PurgeAfter).HasFilter("purged_at IS NULL");
    }
}

internal sealed class RosterImportChunkConfiguration : IEntityTypeConfiguration<RosterImportChunk>
{
    public void Configure(EntityTypeBuilder<RosterImportChunk> b)
    {
        b.ToTable("roster_import_chunks");
        b.HasKey(c => new { c.ImportId, c.Sequence });
        b.HasOne<RosterImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DmsMembershipConfiguration : IEntityTypeConfiguration<DmsMembership>
{
    public void Configure(EntityTypeBuilder<DmsMembership> b)
    {
        b.ToTable("dms_memberships");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        // No foreign keys and one narrow index: a roster of a million people is inserted in one statement, where a
        // per-row FK check and a wide second index cost more than the rest of the import. The practice is checked
        // where the import is queued (roster_imports has the FK); ids are time-ordered (UUIDv7) so the primary key grows
        // at its right edge.
        b.Property(m => m.PayerId).HasMaxLength(80);
        b.Property(m => m.PolicyKey).HasMaxLength(60);
        b.Property(m => m.PolicyNumber).HasMaxLength(60);
        b.Property(m => m.NameKey).HasMaxLength(160);
        b.Property(m => m.LastName).HasMaxLength(60);
        b.Property(m => m.FirstName).HasMaxLength(35);
        b.Property(m => m.MiddleName).HasMaxLength(60);
        b.Property(m => m.Sex).HasMaxLength(8);
        b.Property(m => m.ProgramCode).HasMaxLength(60);
        b.Property(m => m.ProgramName).HasMaxLength(300);
        b.Property(m => m.FranchisePercent).HasPrecision(5, 2);
        b.Property(m => m.LimitAmount).HasPrecision(12, 2);
        b.Property(m => m.ContractNumber).HasMaxLength(80);
        b.Property(m => m.Policyholder).HasMaxLength(300);
        b.Property(m => m.Clinic).HasMaxLength(300);
        b.Property(m => m.Phone).HasMaxLength(60);
        b.Property(m => m.Address).HasMaxLength(500);
        b.HasIndex(m => new { m.PracticeId, m.PayerId, m.PolicyKey });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
