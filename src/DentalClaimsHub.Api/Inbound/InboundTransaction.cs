using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// The unit of work of one inbound file: a transaction (retried whole by the execution strategy on a transient failure)
/// holding the payer's inbound advisory lock, so two deliveries of one payer never race on the same claims or payment.
/// </summary>
internal static class InboundTransaction
{
    public static Task<T> RunAsync<T>(HubDbContext db, string payer, Func<CancellationToken, Task<T>> apply, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"inbound:" + payer}, 0))", ct);
            var result = await apply(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
