using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Takes a roster file in: stores it encrypted, queues its import and wakes the worker. The same file (by SHA-256) sent
/// again for the same clinic and insurer returns the first import instead of queuing another — unless that one was
/// refused, when it is queued again with the new upload's password and partial flag.
/// </summary>
public sealed class RosterImports(HubDbContext db, RosterFileStore store, IDataProtectionProvider protection, RosterImportSignal signal,
    PayerProfileCatalog payers, DmsMappingCatalog mappings, IOptions<RosterOptions> options, TimeProvider time)
{
    public const string PasswordPurpose = "DentalClaimsHub.Rosters.ZipPassword.v1";

    /// <summary>Whether the hub can read this insurer's rosters at all.</summary>
    public bool Knows(string payerId) => RosterLayouts.Find(payers, mappings, payerId) is not null;

    public async Task<(RosterImport Import, bool Duplicate)> ReceiveAsync(Guid practiceId, string payerId, string fileName, Stream content,
        string? zipPassword, bool allowPartial, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var import = RosterImport.Queue(practiceId, payerId, Path.GetFileName(fileName), $"pending-{id:N}", 0, source, now, options.Value.Retention,
            allowPartial, id);
        if (zipPassword is not null)
        {
            import.ZipPassword = protection.CreateProtector(PasswordPurpose).Protect(zipPassword);
        }

        db.RosterImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var (size, sha256) = await store.WriteAsync(db, id, practiceId, content, options.Value.MaxBytes, cancellationToken);
        var existing = await db.RosterImports.AsNoTracking()
            .SingleOrDefaultAsync(i => i.PracticeId == practiceId && i.PayerId == payerId && i.Sha256 == sha256, cancellationToken);
        if (existing is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (existing.Status != RosterImportStatus.Failed || existing.PurgedAt is not null)
            {
                return (existing, true);
            }

            // The same file refused before (wrong ZIP password, a bad row without partial): this is the retry. It runs again
            // under the same import, with what this upload says.
            db.ChangeTracker.Clear();
            var retry = await db.RosterImports.SingleAsync(i => i.Id == existing.Id, cancellationToken);
            retry.Requeue(import.ZipPassword, allowPartial, source, now);
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            return (retry, false);
        }

        db.Attach(import);
        import.Stored(size, sha256);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return (import, false);
    }
}
