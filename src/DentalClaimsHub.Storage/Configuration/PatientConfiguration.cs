using DentalClaimsHub.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.HasKey(p => p.Id);
        b.HasOne<Domain.Practices.Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexProperty(p => p.Name, name =>
        {
            name.Property(n => n.Last).HasColumnName("last_name").HasMaxLength(100);
            name.Property(n => n.First).HasColumnName("first_name").HasMaxLength(100);
            name.Property(n => n.Middle).HasColumnName("middle_name").HasMaxLength(100);
            name.Property(n => n.Suffix).HasColumnName("name_suffix").HasMaxLength(20);
        });
        b.OwnsOne(p => p.Address, AddressColumns.Map);
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.ExternalId).HasMaxLength(80);
        b.HasIndex(p => new { p.PracticeId, p.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        b.HasIndex(p => new { p.PracticeId, p.Id });
    }
}
