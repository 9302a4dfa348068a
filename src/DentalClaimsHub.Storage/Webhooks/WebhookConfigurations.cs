using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.Secret).HasMaxLength(100);
        b.Property<List<string>?>(nameof(WebhookSubscription.Events)).HasJsonConversion().IsRequired();
        b.HasIndex(s => new { s.PracticeId, s.Active });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        b.Property(d => d.Sequence).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.EventType).HasMaxLength(80);
        b.Property(d => d.OrderingKey).HasMaxLength(200);
        // Text, not jsonb: the body is signed and sent byte for byte as it was written.
        b.Property(d => d.Payload).HasColumnType("text");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property<List<WebhookAttempt>?>(nameof(WebhookDelivery.Attempts)).HasJsonConversion().IsRequired();
        b.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.SubscriptionId, d.Sequence });
        b.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        b.HasIndex(d => new { d.SubscriptionId, d.OrderingKey, d.CreatedAt, d.Position, d.Sequence }).HasFilter("status = 'Pending'")
            .HasDatabaseName("ix_webhook_deliveries_pending_key");
    }
}
