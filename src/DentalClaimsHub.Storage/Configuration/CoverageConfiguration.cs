using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class CoverageConfiguration : IEntityTypeConfiguration<Coverage>
{
    public void Configure(EntityTypeBuilder<Coverage> b)
    {
        b.HasKey(c => c.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Practices.Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.PayerId).HasMaxLength(80);
        b.Property(c => c.MemberId).HasMaxLength(80);
        b.Property(c => c.GroupNumber).HasMaxLength(80);
        b.Property(c => c.GroupName).HasMaxLength(120);
        b.Property(c => c.PlanName).HasMaxLength(120);
        b.Property(c => c.Order).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Relationship).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Subscriber).HasJsonConversion();
        b.Property(c => c.Dms).HasJsonConversion();
        b.HasIndex(c => new { c.PracticeId, c.PatientId });
        b.HasIndex(c => new { c.PayerId, c.MemberId });
    }
}
