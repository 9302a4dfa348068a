using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.Inbox;

/// <summary>
/// Runs a consumer's work at most once per (consumer, message id): the inbox row and the work commit in one
/// transaction, and a concurrent duplicate waits on the row lock, then sees the conflict and does nothing.
/// </summary>
public sealed class InboxGuard(HubDbContext db, TimeProvider time)
{
    /// <returns>True when the work ran; false when this consumer had already processed the message.</returns>
    public async Task<bool> RunOnceAsync(string consumer, Guid messageId, Func<CancellationToken, Task> work,
        CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO inbox_messages (consumer, message_id, processed_at) VALUES ({consumer}, {messageId}, {now})
                ON CONFLICT (consumer, message_id) DO NOTHING
                """, ct);
            if (inserted == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }
}
