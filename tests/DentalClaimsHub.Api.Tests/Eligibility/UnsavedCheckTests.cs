using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Storage.Audit;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// The request (at its deadline) and the runner (with the answer) each want to write one check: it is inserted once,
/// by whichever comes first, with the request's audit event; the other one, if at all, updates it.
/// </summary>
public sealed class UnsavedCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly List<string> _writes = [];
    private AuditEvent? _lastAudit;

    [Fact]
    public async Task Answer_First_InsertsItWithTheAuditEvent_AndThePendingWriteStoresNothing()
    {
        var unsaved = NewUnsaved(out var pending, out var requested);

        await unsaved.StoreAnswerAsync(Insert("answer"), Update("answer"));
        var storedPending = await unsaved.StorePendingAsync((check, audit) => Write($"pending {check == pending} {audit == requested}"));

        Assert.False(storedPending);
        Assert.Equal(["insert answer with audit True"], _writes);
        Assert.Same(requested, _lastAudit);
    }

    [Fact]
    public async Task Pending_First_InsertsTheRequestsCopy_AndTheAnswerUpdatesIt()
    {
        var unsaved = NewUnsaved(out var pending, out var requested);

        var storedPending = await unsaved.StorePendingAsync((check, audit) => Write($"pending {check == pending} {audit == requested}"));
        await unsaved.StoreAnswerAsync(Insert("answer"), Update("answer"));

        Assert.True(storedPending);
        Assert.Equal(["pending True True", "update answer"], _writes);
    }

    [Fact]
    public async Task Answer_ArrivingWhileThePendingCheckIsBeingWritten_WaitsAndThenUpdates()
    {
        var unsaved = NewUnsaved(out _, out _);
        var pendingWriteStarted = new TaskCompletionSource();
        var releasePendingWrite = new TaskCompletionSource();

        var pendingTask = unsaved.StorePendingAsync(async (_, _) =>
        {
            pendingWriteStarted.SetResult();
            await releasePendingWrite.Task;
            _writes.Add("pending");
        });
        await pendingWriteStarted.Task;
        var answerTask = unsaved.StoreAnswerAsync(Insert("answer"), Update("answer"));
        await Task.Delay(50);
        Assert.False(answerTask.IsCompleted);

        releasePendingWrite.SetResult();
        await Task.WhenAll(pendingTask, answerTask);

        Assert.Equal(["pending", "update answer"], _writes);
    }

    [Fact]
    public async Task FailedInsert_LeavesTheCheckUnstored_SoTheNextWriteInsertsIt()
    {
        var unsaved = NewUnsaved(out _, out _);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            unsaved.StorePendingAsync((_, _) => throw new InvalidOperationException("database down")));
        await unsaved.StoreAnswerAsync(Insert("answer"), Update("answer"));

        Assert.Equal(["insert answer with audit True"], _writes);
    }

    private UnsavedCheck NewUnsaved(out EligibilityCheck pending, out AuditEvent requested)
    {
        pending = EligibilityCheck.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "payer", new DateOnly(2026, 11, 24), Now);
        requested = AuditEvent.Create(Now, "api-key", "key", pending.PracticeId, "eligibility.requested", "eligibility-check",
            pending.Id.ToString());
        return new UnsavedCheck(pending, requested);
    }

    private Func<AuditEvent, Task> Insert(string what) => audit =>
    {
        _lastAudit = audit;
        return Write($"insert {what} with audit {audit.Action == "eligibility.requested"}");
    };

    private Func<Task> Update(string what) => () => Write($"update {what}");

    private Task Write(string what)
    {
        _writes.Add(what);
        return Task.CompletedTask;
    }
}
