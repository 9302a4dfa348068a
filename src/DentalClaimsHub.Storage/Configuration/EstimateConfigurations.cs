using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class FeeScheduleConfiguration : IEntityTypeConfiguration<FeeSchedule>
{
    public void Configure(EntityTypeBuilder<FeeSchedule> b)
    {
        b.HasKey(f => f.Id);
        b.HasOne<Practice>().WithMany().HasForeignKey(f => f.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Name).HasMaxLength(120);
        b.Property(f => f.PayerId).HasMaxLength(80);
        b.Property(f => f.Currency).HasMaxLength(3).IsFixedLength();
        // Fees are read and written as a whole schedule, never queried one by one.
        b.Property<List<FeeScheduleEntry>?>("_entries").HasColumnName("entries").HasJsonConversion().IsRequired();
        b.Ignore(f => f.Entries);
        b.HasIndex(f => new { f.PracticeId, f.PayerId, f.EffectiveFrom });
    }
}

internal sealed class EstimateConfiguration : IEntityTypeConfiguration<Estimate>
{
    public void Configure(EntityTypeBuilder<Estimate> b)
    {
        b.HasKey(e => e.Id);
        b.HasOne<Practice>().WithMany().HasForeignKey(e => e.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Coverage>().WithMany().HasForeignKey(e => e.CoverageId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<EligibilityCheck>().WithMany().HasForeignKey(e => e.EligibilityCheckId).OnDelete(DeleteBehavior.SetNull);
        b.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property<List<EstimateLine>?>("_lines").HasColumnName("lines").HasJsonConversion().IsRequired();
        b.Ignore(e => e.Lines);
        b.Ignore(e => e.TotalFee);
        b.Ignore(e => e.TotalPayerPortion);
        b.Ignore(e => e.TotalPatientPortion);
        b.Ignore(e => e.TotalWriteOff);
        b.HasIndex(e => new { e.PracticeId, e.PatientId, e.CreatedAt });
    }
}
