using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class EligibilityCheckConfiguration : IEntityTypeConfiguration<EligibilityCheck>
{
    public void Configure(EntityTypeBuilder<EligibilityCheck> b)
    {
        b.HasKey(c => c.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Coverage>().WithMany().HasForeignKey(c => c.CoverageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.PayerId).HasMaxLength(80);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.TraceNumber).HasMaxLength(50);
        b.Property(c => c.FailureCode).HasMaxLength(40);
        b.Property(c => c.FailureReason).HasMaxLength(2000);
        b.Property(c => c.FailureReasonCode).HasMaxLength(40);
        b.Property(c => c.FailureReasonArgs).IsRequired();
        b.Property(c => c.Provider).HasJsonConversion();
        b.Property<List<ProcedureCode>?>("_procedures").HasColumnName("procedures").HasJsonConversion().IsRequired();
        // Every answer is a few kilobytes of JSON that PostgreSQL compresses as it stores it: lz4 does that several times
        // faster than the default pglz, which was the largest item in PostgreSQL's own profile under eligibility load.
        b.Property(c => c.Result).HasJsonConversion().UseCompressionMethod("lz4");
        b.Property<List<BenefitCategory>>("_categories").HasColumnName("categories")
            .HasConversion(
                v => v.Select(c => c.ToString()).ToArray(),
                v => v.Select(Enum.Parse<BenefitCategory>).ToList(),
                new ValueComparer<List<BenefitCategory>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        // The cache looks up the newest completed answer for one coverage and date of service.
        b.HasIndex(c => new { c.PracticeId, c.CoverageId, c.ServiceDate, c.RequestedAt });
    }
}
