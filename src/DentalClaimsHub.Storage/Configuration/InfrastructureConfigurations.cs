using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Audit;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Inbox;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.OwnerKind).HasConversion<string>().HasMaxLength(16);
        b.Property(k => k.PayerId).HasMaxLength(100);
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.HasIndex(k => k.PracticeId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Sequence);
        b.Property(m => m.Sequence).UseIdentityAlwaysColumn();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.MessageType).HasMaxLength(500);
        b.Property(m => m.Body).HasColumnType("jsonb");
        b.Property(m => m.OrderingKey).HasMaxLength(200);
        b.Property(m => m.LockedBy).HasMaxLength(200);
        b.Property(m => m.TraceParent).HasMaxLength(55);
        b.Property(m => m.TraceState).HasMaxLength(OutboxExtensions.MaxTraceStateLength);
        b.HasIndex(m => m.Sequence).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        b.HasIndex(m => new { m.OrderingKey, m.Sequence }).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending_key");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox_messages");
        b.HasKey(m => new { m.Consumer, m.MessageId });
        b.Property(m => m.Consumer).HasMaxLength(300);
    }
}

internal sealed class StoredMessageConfiguration : IEntityTypeConfiguration<StoredMessage>
{
    public void Configure(EntityTypeBuilder<StoredMessage> b)
    {
        b.ToTable("messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.ParseStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Protocol).HasMaxLength(32);
        b.Property(m => m.TransactionType).HasMaxLength(64);
        b.Property(m => m.InterchangeControlNumber).HasMaxLength(9);
        b.Property(m => m.GroupControlNumber).HasMaxLength(9);
        b.Property(m => m.SenderId).HasMaxLength(80);
        b.Property(m => m.ReceiverId).HasMaxLength(80);
        b.Property(m => m.PayerId).HasMaxLength(100);
        b.Property(m => m.ContentType).HasMaxLength(200);
        b.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(m => m.ParseErrors).HasColumnType("jsonb");
        b.Property(m => m.ContentProtection).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => new { m.Direction, m.Sha256 });
        b.HasIndex(m => new { m.Direction, m.SenderId, m.InterchangeControlNumber });
        b.HasIndex(m => m.LinkedIds).HasMethod("gin");
        b.HasIndex(m => new { m.PracticeId, m.ReceivedAt });
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.ActorKind).HasMaxLength(32);
        b.Property(a => a.ActorId).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Details).HasColumnType("jsonb");
        b.HasIndex(a => new { a.PracticeId, a.At });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class ControlNumberSequenceConfiguration : IEntityTypeConfiguration<ControlNumberSequence>
{
    public void Configure(EntityTypeBuilder<ControlNumberSequence> b)
    {
        b.ToTable("control_number_sequences");
        b.HasKey(s => new { s.TradingPartner, s.Scope });
        b.Property(s => s.TradingPartner).HasMaxLength(100);
        b.Property(s => s.Scope).HasMaxLength(8);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Idempotency.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.Operation).HasMaxLength(100);
        b.Property(r => r.Key).HasMaxLength(Idempotency.IdempotencyRecord.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Location).HasMaxLength(300);
        b.Property(r => r.ResponseBody).HasColumnType("jsonb");
        b.HasIndex(r => new { r.PracticeId, r.Operation, r.Key }).IsUnique();
        b.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class ClaimDeliveryConfiguration : IEntityTypeConfiguration<Delivery.ClaimDelivery>
{
    public void Configure(EntityTypeBuilder<Delivery.ClaimDelivery> b)
    {
        b.ToTable("claim_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.PayerId).HasMaxLength(100);
        b.Property(d => d.Protocol).HasMaxLength(16);
        b.Property(d => d.PayloadId).HasMaxLength(100);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Receipt).HasMaxLength(200);
        b.Property(d => d.LastError).HasMaxLength(2000);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.ClaimIds).HasMethod("gin");
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

internal sealed class AttachmentFileConfiguration : IEntityTypeConfiguration<Attachments.AttachmentFile>
{
    public void Configure(EntityTypeBuilder<Attachments.AttachmentFile> b)
    {
        b.ToTable("attachment_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.ControlNumber).HasMaxLength(80);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Ignore(f => f.StorageKey);
        b.HasOne<Domain.Claims.Claim>().WithMany().HasForeignKey(f => f.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.ClaimId, f.ControlNumber });
    }
}
