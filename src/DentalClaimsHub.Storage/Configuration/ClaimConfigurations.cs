using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalClaimsHub.Storage.Configuration;

// Claim lines and the timeline get their own tables: the API lists and filters them (by procedure, by tooth, the
// history of a claim) and they grow per claim. Small immutable values that are only ever read with the claim
// (diagnoses, attachments, missing teeth, orthodontic and accident details) are jsonb columns on the claim row.
internal static class ClaimValueConversions
{
    public static readonly ValueConverter<ToothNumber, string> Tooth = new(
        t => (t.System == ToothSystem.Fdi ? "F:" : "U:") + t.Value,
        s => new ToothNumber(s.StartsWith("F:", StringComparison.Ordinal) ? ToothSystem.Fdi : ToothSystem.Universal, s.Substring(2)));

    public static readonly ValueConverter<SurfaceSet, string> Surfaces = new(s => s.Value, s => SurfaceSet.Parse(s));

    public static void MoneyColumns(ComplexPropertyBuilder<Money> money, string prefix)
    {
        money.Property(m => m.Amount).HasColumnName(prefix + "_amount").HasPrecision(12, 2);
        money.Property(m => m.Currency).HasColumnName(prefix + "_currency").HasMaxLength(3).IsFixedLength();
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.HasKey(c => c.Id);
        // Optimistic concurrency on PostgreSQL's row version: the submitter, acknowledgement handlers and the API never
        // overwrite each other's state change.
        b.Property<uint>("Version").IsRowVersion();
        b.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coverage>().WithMany().HasForeignKey(c => c.CoverageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coverage>().WithMany().HasForeignKey(c => c.SecondaryCoverageId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Claim>().WithMany().HasForeignKey(c => c.OriginalClaimId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.PayerId).HasMaxLength(80);
        b.Property(c => c.PatientControlNumber).HasMaxLength(Claim.MaxPatientControlNumberLength);
        b.Property(c => c.PayerClaimNumber).HasMaxLength(50);
        b.Property(c => c.OriginalPayerClaimNumber).HasMaxLength(50);
        b.Property(c => c.Frequency).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(c => c.PlaceOfService).HasMaxLength(2);
        b.Property(c => c.PriorAuthorizationNumber).HasMaxLength(50);
        b.Property(c => c.PredeterminationNumber).HasMaxLength(50);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.Property<decimal?>("PatientPaidAmount").HasColumnName("patient_paid").HasPrecision(12, 2);
        b.Ignore(c => c.PatientPaid);
        b.Property(c => c.RenderingProvider).HasJsonConversion();
        b.Property(c => c.Orthodontics).HasJsonConversion();
        b.Property(c => c.Accident).HasJsonConversion();
        b.Property<List<Icd10Code>?>("_diagnoses").HasColumnName("diagnoses").HasJsonConversion().IsRequired();
        b.Property<List<ClaimAttachment>?>("_attachments").HasColumnName("attachments").HasJsonConversion().IsRequired();
        b.Property<List<MissingTooth>?>("_missingTeeth").HasColumnName("missing_teeth").HasJsonConversion().IsRequired();
        b.Ignore(c => c.Diagnoses);
        b.Ignore(c => c.Attachments);
        b.Ignore(c => c.MissingTeeth);
        b.Ignore(c => c.Total);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.Property(c => c.TimelineLength);
        b.HasIndex(c => new { c.PracticeId, c.State, c.CreatedAt });
        b.HasIndex(c => new { c.PayerId, c.PatientControlNumber }).IsUnique();
        b.HasIndex(c => c.PayerClaimNumber);
    }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> b)
    {
        b.ToTable("claim_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.LineControlNumber).HasMaxLength(ClaimLine.MaxLineControlNumberLength);
        b.ComplexProperty(l => l.Procedure, p =>
        {
            p.Property(x => x.System).HasColumnName("procedure_system").HasConversion<string>().HasMaxLength(24);
            p.Property(x => x.Code).HasColumnName("procedure_code").HasMaxLength(20);
        });
        b.ComplexProperty(l => l.Fee, m => ClaimValueConversions.MoneyColumns(m, "fee"));
        b.Property(l => l.Description).HasMaxLength(500);
        b.Property(l => l.Tooth).HasConversion(ClaimValueConversions.Tooth).HasMaxLength(5);
        b.Property(l => l.Surfaces).HasConversion(ClaimValueConversions.Surfaces).HasMaxLength(10);
        b.Property(l => l.Area).HasConversion<string>().HasMaxLength(24);
        b.Property(l => l.Prosthesis).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.PriorAuthorizationNumber).HasMaxLength(50);
        b.Property<List<ToothNumber>?>("_additionalTeeth").HasColumnName("additional_teeth").HasJsonConversion().IsRequired();
        b.Property<List<int>?>("_diagnosisPointers").HasColumnName("diagnosis_pointers").HasJsonConversion().IsRequired();
        b.Ignore(l => l.AdditionalTeeth);
        b.Ignore(l => l.DiagnosisPointers);
        b.HasIndex(l => new { l.ClaimId, l.LineNumber }).IsUnique();
    }
}

internal sealed class ClaimTimelineEntryConfiguration : IEntityTypeConfiguration<ClaimTimelineEntry>
{
    public void Configure(EntityTypeBuilder<ClaimTimelineEntry> b)
    {
        b.ToTable("claim_timeline");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.From).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.To).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.Actor).HasMaxLength(120);
        b.Property(t => t.Reason).HasMaxLength(2000);
        b.Property(t => t.ReasonCode).HasMaxLength(40);
        b.Property(t => t.ReasonArgs).IsRequired();
        b.HasIndex(t => new { t.ClaimId, t.Sequence }).IsUnique();
    }
}

internal sealed class PreAuthorizationConfiguration : IEntityTypeConfiguration<PreAuthorization>
{
    public void Configure(EntityTypeBuilder<PreAuthorization> b)
    {
        b.HasKey(p => p.Id);
        b.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Claim>().WithMany().HasForeignKey(p => p.RequestClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.RequestClaimId).IsUnique();
        b.HasOne<Coverage>().WithMany().HasForeignKey(p => p.CoverageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PayerId).HasMaxLength(80);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(p => p.ReferenceNumber).HasMaxLength(50);
        b.Property(p => p.PayerNote).HasMaxLength(2000);
        b.ComplexProperty(p => p.Limit, m => ClaimValueConversions.MoneyColumns(m, "limit"));
        // Lines are immutable records replaced whole by each decision and always read with their request: jsonb.
        b.Property<List<PreAuthorizationLine>?>("_lines").HasColumnName("lines").HasJsonConversion().IsRequired();
        b.Ignore(p => p.Lines);
        b.Ignore(p => p.TotalFee);
        b.Ignore(p => p.TotalApproved);
        b.HasIndex(p => new { p.PracticeId, p.Status, p.CreatedAt });
        b.HasIndex(p => new { p.PayerId, p.ReferenceNumber });
    }
}
