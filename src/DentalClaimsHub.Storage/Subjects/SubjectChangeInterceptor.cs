using System.Data.Common;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DentalClaimsHub.Storage.Subjects;

/// <summary>
/// Moves <see cref="SubjectChanges.Generation"/> on when this instance changes or deletes a practice, patient or coverage
/// through EF, once the change is committed: after the save, or inside a transaction after its commit. A copy read before
/// then carries an older generation and is not used again. The database's notification
/// (<see cref="SubjectChangeListener"/>) arrives a moment after the commit; a client that changes a coverage and then
/// asks about it on the same instance must not meet the old copy in between.
/// </summary>
public sealed class SubjectChangeInterceptor(SubjectChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is HubDbContext db && ChangesSubjects(db))
        {
            db.SubjectsChanged = true;
        }
    }

    private void Saved(DbContext? context)
    {
        // Inside a transaction the rows are not visible to others until its commit, which moves the generation instead.
        if (context is HubDbContext { SubjectsChanged: true } db && db.Database.CurrentTransaction is null)
        {
            db.SubjectsChanged = false;
            changes.Changed();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is HubDbContext { SubjectsChanged: true } db)
        {
            db.SubjectsChanged = false;
            changes.Changed();
        }
    }

    // Only changes and deletions: a new row is in no copy yet. HubDbContext.SaveChangesAsync has detected the changes already
    // and turned detection off for the save, so this walk does not detect them a second time.
    private static bool ChangesSubjects(HubDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is Practice or Patient or Coverage)
            {
                return true;
            }
        }

        return false;
    }
}
