using System.Buffers.Binary;
using System.Collections.Concurrent;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// The eligibility answers this instance has given and not written yet. A check answered within the deadline goes back to the
/// client first and into PostgreSQL just after (a write in the response's path was most of the hub's tail at 500
/// checks/s). So a read of a check waits here for its write, and a read on another instance waits briefly for a check
/// that young; shutdown waits for every write. Past <see cref="EligibilityOptions.MaxUnwrittenAnswers"/> answers given and
/// not yet written, answers wait for their writes (a slow database must not grow this without bound).
/// </summary>
public sealed partial class UnstoredAnswers(IOptions<EligibilityOptions> options, TimeProvider time, ILogger<UnstoredAnswers> logger)
    : IHostedService
{
    // How long a read that misses waits for a check young enough to be another instance's unstored answer.
    private static readonly TimeSpan[] Rereads =
        [.. new[] { 10, 20, 40, 80, 150, 300, 500, 900 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    private readonly ConcurrentDictionary<Guid, (Guid CoverageId, Task Ended)> _writes = new();
    private int _count;

    /// <summary>
    /// Lets the answer of <paramref name="check"/> go back before it is written: reads of the check, and of fresh answers for
    /// its coverage, wait until the returned handle is disposed, when the write has ended (stored or failed). Null past
    /// <see cref="EligibilityOptions.MaxUnwrittenAnswers"/>: the answer then waits for its write.
    /// </summary>
    public IDisposable? TryAnswerBeforeWrite(EligibilityCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (Interlocked.Increment(ref _count) > options.Value.MaxUnwrittenAnswers)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }

        var write = new Write(this, check.Id);
        _writes[check.Id] = (check.CoverageId, write.Ended);
        return write;
    }

    /// <summary>Reads a check of the caller's practice, once this instance's write of it has ended; null when there is none.</summary>
    public async Task<EligibilityCheck?> FindAsync(HubDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (_writes.TryGetValue(id, out var write))
        {
            // A failed write was logged by the runner; the read below then finds nothing, or the pending row.
            await write.Ended.WaitAsync(cancellationToken);
        }

        var check = await Read(db, id, cancellationToken);
        if (check is not null || !YoungEnough(id))
        {
            return check;
        }

        // Another instance may have answered it a moment ago and still be writing it.
        foreach (var wait in Rereads)
        {
            await Task.Delay(wait, time, cancellationToken);
            if (await Read(db, id, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Ends once this instance's answers for <paramref name="coverageId"/> are written: a fresh one is then found.</summary>
    public async Task CoverageWrittenAsync(Guid coverageId, CancellationToken cancellationToken)
    {
        foreach (var (_, (coverage, ended)) in _writes)
        {
            if (coverage == coverageId)
            {
                await ended.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Waits for every answer given to be written (the host's shutdown).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_writes.IsEmpty)
        {
            return;
        }

        LogDraining(logger, _writes.Count);
        try
        {
            await AllWrittenAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogUnwritten(logger, _writes.Count);
        }
    }

    /// <summary>Ends once no answer given is waiting for its write, including answers given meanwhile.</summary>
    public async Task AllWrittenAsync(CancellationToken cancellationToken)
    {
        while (_writes.Values.Select(w => w.Ended).ToArray() is { Length: > 0 } writes)
        {
            await Task.WhenAll(writes).WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Task<EligibilityCheck?> Read(HubDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.EligibilityChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    // A check id is a version 7 UUID stamped when it was asked; one answered on another instance is written at most a
    // deadline after that (a pending check is written before its 202 leaves).
    private bool YoungEnough(Guid id)
    {
        if (id.Version != 7)
        {
            return false;
        }

        // Its first 48 bits are the Unix time in milliseconds.
        var stamped = BinaryPrimitives.ReadInt64BigEndian(id.ToByteArray(bigEndian: true)) >>> 16;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(stamped);
        return age >= TimeSpan.FromSeconds(-5) && age <= options.Value.Deadline + TimeSpan.FromSeconds(5);
    }

    private sealed class Write(UnstoredAnswers answers, Guid id) : IDisposable
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public void Dispose()
        {
            if (_ended.TrySetResult())
            {
                answers._writes.TryRemove(id, out _);
                Interlocked.Decrement(ref answers._count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} eligibility answers to be written before stopping")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} eligibility answers were not written before the hub stopped")]
    private static partial void LogUnwritten(ILogger logger, int count);
}
