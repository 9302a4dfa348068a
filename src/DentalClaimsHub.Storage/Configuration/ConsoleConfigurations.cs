using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class ConsoleUserConfiguration : IEntityTypeConfiguration<ConsoleUser>
{
    public void Configure(EntityTypeBuilder<ConsoleUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Culture).HasMaxLength(10);
    }
}

internal sealed class WorkAssignmentConfiguration : IEntityTypeConfiguration<WorkAssignment>
{
    public void Configure(EntityTypeBuilder<WorkAssignment> b)
    {
        b.ToTable("console_work_assignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.SubjectType).HasMaxLength(40);
        b.HasIndex(a => new { a.SubjectType, a.SubjectId }).IsUnique();
        b.HasIndex(a => a.AssigneeId);
    }
}

internal sealed class ClaimActivityConfiguration : IEntityTypeConfiguration<ClaimActivity>
{
    public void Configure(EntityTypeBuilder<ClaimActivity> b)
    {
        b.ToTable("console_claim_activities");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Text).HasMaxLength(ClaimActivity.MaxText);
        b.HasIndex(a => new { a.ClaimId, a.At });
    }
}
