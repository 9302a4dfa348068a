using DentalClaimsHub.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.ClaimStatus;

/// <summary>
/// The status-polling schedule of one claim, in PostgreSQL so every hub instance shares it and a restart forgets nothing:
/// when it is next due, how it went last time, and a lease while one instance is asking the payer.
/// </summary>
public sealed class ClaimStatusPoll
{
    private ClaimStatusPoll()
    {
        PayerId = string.Empty;
    }

    public Guid ClaimId { get; private set; }

    public Guid PracticeId { get; private set; }

    public string PayerId { get; private set; }

    public DateTimeOffset NextPollAt { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public int Polls { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? LastPolledAt { get; private set; }

    /// <summary>What the payer said last ("P1:20 pending…") or why asking failed.</summary>
    public string? LastResult { get; private set; }

    /// <summary>The stored 277 (or failure reply) of the last poll.</summary>
    public Guid? LastMessageId { get; private set; }

    public static ClaimStatusPoll Start(Guid claimId, Guid practiceId, string payerId, DateTimeOffset now) =>
        new() { ClaimId = claimId, PracticeId = practiceId, PayerId = payerId, NextPollAt = now };

    public void Answered(DateTimeOffset now, string result, Guid? messageId, DateTimeOffset next)
    {
        (Polls, ConsecutiveFailures, LastPolledAt, LastResult, LastMessageId, NextPollAt, LeaseUntil) =
            (Polls + 1, 0, now, Truncate(result), messageId, next, null);
    }

    /// <summary>Asking failed: try again sooner than the regular interval, backing off up to it.</summary>
    public void Failed(DateTimeOffset now, string error, TimeSpan interval)
    {
        ConsecutiveFailures++;
        var retry = TimeSpan.FromMinutes(Math.Min(interval.TotalMinutes, 5 * Math.Pow(2, Math.Min(ConsecutiveFailures - 1, 12))));
        (Polls, LastPolledAt, LastResult, NextPollAt, LeaseUntil) = (Polls + 1, now, Truncate(error), now + retry, null);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}

internal sealed class ClaimStatusPollConfiguration : IEntityTypeConfiguration<ClaimStatusPoll>
{
    public void Configure(EntityTypeBuilder<ClaimStatusPoll> b)
    {
        b.ToTable("claim_status_polls");
        b.HasKey(p => p.ClaimId);
        b.HasOne<Claim>().WithOne().HasForeignKey<ClaimStatusPoll>(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.PayerId).HasMaxLength(80);
        b.Property(p => p.LastResult).HasMaxLength(1000);
        b.HasIndex(p => p.NextPollAt);
    }
}
