using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

// A remittance row per 835 transaction set (or FHIR EOB bundle, ДМС act); its claim payments get their own table because
// a claim's payments are listed across remittances, the review queue is "payments without a claim", and the collections
// report sums them. Adjustments and service lines are immutable values read with their payment: jsonb.
internal sealed class RemittanceConfiguration : IEntityTypeConfiguration<Remittance>
{
    public void Configure(EntityTypeBuilder<Remittance> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(r => r.RawMessageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.PayerId).HasMaxLength(80);
        b.Property(r => r.PayerName).HasMaxLength(200);
        b.Property(r => r.PayeeId).HasMaxLength(80);
        b.Property(r => r.SourceReference).HasMaxLength(80);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.ComplexProperty(r => r.Payment, p =>
        {
            p.Property(x => x.Method).HasColumnName("payment_method").HasConversion<string>().HasMaxLength(24);
            p.ComplexProperty(x => x.Amount, m => ClaimValueConversions.MoneyColumns(m, "payment"));
            p.Property(x => x.PaymentDate).HasColumnName("payment_date");
            p.Property(x => x.TraceNumber).HasColumnName("trace_number").HasMaxLength(50);
        });
        b.Property<List<string>?>("_problems").HasColumnName("problems").HasJsonConversion().IsRequired();
        b.Ignore(r => r.Problems);
        b.Property<List<RemittanceProblemCode>?>("_problemCodes").HasColumnName("problem_codes").HasJsonConversion();
        b.Ignore(r => r.ProblemCodes);
        b.Property<List<ProviderAdjustment>?>("_providerAdjustments").HasColumnName("provider_adjustments").HasJsonConversion().IsRequired();
        b.Ignore(r => r.ProviderAdjustments);
        b.Ignore(r => r.UnmatchedCount);
        b.HasMany(r => r.ClaimPayments).WithOne().HasForeignKey("RemittanceId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.ClaimPayments).HasField("_claimPayments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(r => new { r.PracticeId, r.ReceivedAt });
        b.HasIndex(r => r.PayerId);
        b.HasIndex(r => r.Status);
    }
}

internal sealed class ClaimPaymentConfiguration : IEntityTypeConfiguration<ClaimPayment>
{
    public void Configure(EntityTypeBuilder<ClaimPayment> b)
    {
        b.ToTable("claim_payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne<Claim>().WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PatientControlNumber).HasMaxLength(Claim.MaxPatientControlNumberLength + 10);
        b.Property(p => p.PayerClaimNumber).HasMaxLength(50);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Note).HasMaxLength(1000);
        b.Property(p => p.NoteCode).HasMaxLength(40);
        b.Property(p => p.NoteArgs).IsRequired();
        b.ComplexProperty(p => p.Charge, m => ClaimValueConversions.MoneyColumns(m, "charge"));
        b.ComplexProperty(p => p.Paid, m => ClaimValueConversions.MoneyColumns(m, "paid"));
        b.ComplexProperty(p => p.PatientResponsibility, m => ClaimValueConversions.MoneyColumns(m, "patient_responsibility"));
        b.Property<IReadOnlyList<Adjustment>?>(nameof(ClaimPayment.Adjustments)).HasJsonConversion().IsRequired();
        b.Property<IReadOnlyList<string>?>(nameof(ClaimPayment.RemarkCodes)).HasJsonConversion().IsRequired();
        b.Property<IReadOnlyList<ServiceLinePayment>?>("_serviceLines").HasColumnName("service_lines").HasJsonConversion().IsRequired();
        b.Ignore(p => p.ServiceLines);
        b.Ignore(p => p.AllAdjustments);
        b.Ignore(p => p.IsBalanced);
        b.Ignore(p => p.WriteOff);
        b.Ignore(p => p.PatientShare);
        b.Ignore(p => p.NeedsReview);
        b.HasIndex(p => p.ClaimId);
        b.HasIndex("RemittanceId", nameof(ClaimPayment.Ordinal)).IsUnique();
        // The review queue: payments that found no claim.
        b.HasIndex(p => new { p.PracticeId, p.ClaimId });
    }
}
