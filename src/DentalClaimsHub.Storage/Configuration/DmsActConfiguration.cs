using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage.DmsActs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

// An act per row, its service lines in their own table (the console's work queue filters them by practice and status). The
// unique (practice, payer, sha256) and (practice, payer, number) indexes make a repeated or concurrent import collide instead
// of posting the same refusals twice.
internal sealed class DmsActConfiguration : IEntityTypeConfiguration<DmsAct>, IEntityTypeConfiguration<DmsActLine>
{
    public void Configure(EntityTypeBuilder<DmsAct> b)
    {
        b.ToTable("dms_acts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasOne<Practice>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.PayerId).HasMaxLength(80);
        b.Property(a => a.Number).HasMaxLength(50);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.FileName).HasMaxLength(255);
        foreach (var amount in new[] { nameof(DmsAct.Billed), nameof(DmsAct.Accepted), nameof(DmsAct.Refused) })
        {
            b.Property<decimal>(amount).HasPrecision(14, 2);
        }

        b.Property<List<DmsActRowProblem>?>(nameof(DmsAct.Problems)).HasJsonConversion().IsRequired();
        b.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.ActId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(a => new { a.PracticeId, a.PayerId, a.Sha256 }).IsUnique();
        b.HasIndex(a => new { a.PracticeId, a.PayerId, a.Number }).IsUnique().HasFilter("number IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<DmsActLine> b)
    {
        b.ToTable("dms_act_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.RegistryNumber).HasMaxLength(50);
        b.Property(l => l.ClaimNumber).HasMaxLength(50);
        b.Property(l => l.LineReference).HasMaxLength(50);
        b.Property(l => l.ServiceCode).HasMaxLength(30);
        b.Property(l => l.Tooth).HasMaxLength(4);
        foreach (var amount in new[] { nameof(DmsActLine.Billed), nameof(DmsActLine.Accepted), nameof(DmsActLine.Refused) })
        {
            b.Property<decimal>(amount).HasPrecision(14, 2);
        }

        b.Property(l => l.ReasonCode).HasMaxLength(50);
        b.Property(l => l.ReasonText).HasMaxLength(500);
        b.Property(l => l.Category).HasMaxLength(40);
        b.Property(l => l.AdjustmentReason).HasMaxLength(5);
        b.Property(l => l.MatchProblem).HasMaxLength(300);
        b.Property(l => l.MatchFailure).HasMaxLength(20);
        b.Ignore(l => l.CanDispute);
        b.Ignore(l => l.CanAccept);
        b.Property(l => l.WorkStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.WorkNote).HasMaxLength(1000);
        b.Property(l => l.WorkedBy).HasMaxLength(120);
        b.Ignore(l => l.IsMatched);
        b.HasIndex(l => new { l.PracticeId, l.WorkStatus });
        b.HasIndex(l => l.ClaimId);
    }
}
