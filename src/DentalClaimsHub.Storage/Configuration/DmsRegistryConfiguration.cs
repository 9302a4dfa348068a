using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage.DmsRegistries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

// One row per registry version; the file is kept whole (a month's registry is kilobytes to a few megabytes). The unique
// (practice, payer, period, version) index is what makes two concurrent regenerations collide instead of both adding n + 1.
internal sealed class DmsRegistryConfiguration : IEntityTypeConfiguration<DmsRegistryVersion>
{
    public void Configure(EntityTypeBuilder<DmsRegistryVersion> b)
    {
        b.ToTable("dms_registries");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.PayerId).HasMaxLength(80);
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Number).HasMaxLength(80);
        b.Property(r => r.Format).HasMaxLength(8);
        b.Property(r => r.ContentType).HasMaxLength(120);
        b.Property(r => r.FileName).HasMaxLength(255);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.ContentProtection).HasConversion<string>().HasMaxLength(16);
        foreach (var amount in new[] { nameof(DmsRegistryVersion.Gross), nameof(DmsRegistryVersion.Discount), nameof(DmsRegistryVersion.Amount),
                     nameof(DmsRegistryVersion.Franchise), nameof(DmsRegistryVersion.InsurerAmount) })
        {
            b.Property<decimal>(amount).HasPrecision(14, 2);
        }

        b.Property<List<DmsRegistryExclusion>?>(nameof(DmsRegistryVersion.Exclusions)).HasJsonConversion().IsRequired();
        b.HasIndex(r => new { r.PracticeId, r.PayerId, r.Period, r.Version }).IsUnique();
    }
}
