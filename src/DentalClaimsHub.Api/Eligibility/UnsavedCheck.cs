using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Storage.Audit;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// A check on its way to the payer that is not in the database yet, and which write comes first. Usually the runner's:
/// the check goes in once, with its answer. If the request's deadline passes first, the request stores the check as
/// pending (the client is about to poll it) and the runner's answer then updates that row. The two writes never overlap.
/// </summary>
/// <param name="pending">The request's own copy of the check, as asked (the runner's copy changes as the payer answers).</param>
/// <param name="requested">The audit event of the request, written with whichever of the two comes first.</param>
public sealed class UnsavedCheck(EligibilityCheck pending, AuditEvent requested)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stored;

    /// <summary>Stores the check as pending unless the answer is already stored; true when it stored it.</summary>
    public Task<bool> StorePendingAsync(Func<EligibilityCheck, AuditEvent, Task> insert) =>
        WriteAsync(async stored =>
        {
            if (!stored)
            {
                await insert(pending, requested);
            }

            return !stored;
        });

    /// <summary>Stores the answered check: <paramref name="insert"/> with the audit event when it is new, else <paramref name="update"/>.</summary>
    public Task StoreAnswerAsync(Func<AuditEvent, Task> insert, Func<Task> update) =>
        WriteAsync(async stored =>
        {
            await (stored ? update() : insert(requested));
            return true;
        });

    private async Task<bool> WriteAsync(Func<bool, Task<bool>> write)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var done = await write(_stored);
            _stored = true;
            return done;
        }
        finally
        {
            _gate.Release();
        }
    }
}
