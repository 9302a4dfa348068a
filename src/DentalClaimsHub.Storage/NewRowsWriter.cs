using System.Diagnostics;
using System.Diagnostics.Metrics;
using DentalClaimsHub.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DentalClaimsHub.Storage;

/// <summary>
/// Writes units of new rows (<see cref="HubDbContext.TakeNewRows"/>) from many requests together (group commit): one write
/// is in flight at a time and at most one starts per <see cref="GroupCommitOptions.Window"/>; the units that arrive
/// meanwhile go together in the next, up to <see cref="MaxUnitsPerGroup"/>, in one round trip and one transaction. An idle
/// writer starts at once. Under load PostgreSQL then runs one commit and one INSERT per table per group instead of a
/// commit and a statement per row (at 500 eligibility answers/s, 10 ms groups cut PostgreSQL's CPU per answer by a third),
/// and the hub sends one batch instead of one per unit. A slow database gets bigger groups, not more connections. A group
/// PostgreSQL refuses is written again unit by unit, so one unit's bad row fails that unit only; a group that cannot reach
/// PostgreSQL fails with everything queued behind it.
/// </summary>
public sealed partial class NewRowsWriter(IDbContextFactory<HubDbContext> contexts, IOptions<GroupCommitOptions> options,
    ILogger<NewRowsWriter> logger, IMeterFactory? meters = null)
{
    /// <summary>The most units one write takes.</summary>
    public const int MaxUnitsPerGroup = 256;

    private readonly Histogram<int>? _groups = meters?.Create(HubDiagnostics.MeterName).CreateHistogram<int>("dch.db.grouped_write.units",
        "{unit}", "Units of new rows written together in one round trip (group commit).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    private readonly TimeSpan _window = options.Value.Window;
    private readonly Lock _gate = new();
    private readonly Queue<Unit> _queue = new();
    private bool _writing;
    private long _lastStart;

    /// <summary>
    /// Writes <paramref name="rows"/>, with whatever other units are waiting; ends when they are stored (all of them or none),
    /// throwing <see cref="DbUpdateException"/> when PostgreSQL refused them, or what kept the write from PostgreSQL. Call
    /// <see cref="NewRows.Saved"/> after.
    /// </summary>
    public Task WriteAsync(NewRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var unit = new Unit(rows);
        lock (_gate)
        {
            _queue.Enqueue(unit);
            if (_writing)
            {
                return unit.Written;
            }

            _writing = true;
        }

        _ = Task.Run(WriteQueuedAsync);
        return unit.Written;
    }

    private async Task WriteQueuedAsync()
    {
        var group = new List<Unit>();
        while (true)
        {
            // Real time, not the host's TimeProvider: this paces the database, it is not a time the domain sees.
            var since = Stopwatch.GetElapsedTime(_lastStart);
            if (since < _window)
            {
                await Task.Delay(_window - since);
            }

            lock (_gate)
            {
                while (group.Count < MaxUnitsPerGroup && _queue.TryDequeue(out var unit))
                {
                    group.Add(unit);
                }

                if (group.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }

            _lastStart = Stopwatch.GetTimestamp();
            await WriteGroupAsync(group);
            group.Clear();
        }
    }

    // Never throws: each unit learns its own outcome.
    private async Task WriteGroupAsync(List<Unit> group)
    {
        try
        {
            await InsertAsync(group);
            _groups?.Record(group.Count);
            foreach (var unit in group)
            {
                unit.Stored();
            }

            return;
        }
        catch (DbUpdateException exception) when (group.Count > 1)
        {
            // PostgreSQL refused a row: find whose, one unit at a time.
            LogGroupRefused(logger, group.Count, exception.GetType().Name);
        }
        catch (Exception exception)
        {
            Fail(group, exception);
            return;
        }

        foreach (var unit in group)
        {
            try
            {
                await InsertAsync([unit]);
                unit.Stored();
            }
            catch (Exception exception)
            {
                unit.Failed(exception);
            }
        }
    }

    // A unit PostgreSQL refused fails alone. Any other failure (the database out of reach, a broken connection) fails every
    // unit queued behind the group too: they would each wait for the same failure, one group after another, and a database
    // that is down must not turn into a queue that grows for as long as it is down.
    private void Fail(List<Unit> group, Exception exception)
    {
        var failed = new List<Unit>(group);
        if (exception is not DbUpdateException)
        {
            lock (_gate)
            {
                failed.AddRange(_queue);
                _queue.Clear();
            }
        }

        foreach (var unit in failed)
        {
            unit.Failed(exception);
        }
    }

    private async Task InsertAsync(List<Unit> units)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        try
        {
            await HubDbContext.WriteNewRowsAsync((NpgsqlConnection)db.Database.GetDbConnection(), [.. units.Select(u => u.Rows)],
                CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Unit(NewRows rows)
    {
        private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NewRows Rows { get; } = rows;

        public Task Written => _written.Task;

        public void Stored() => _written.TrySetResult();

        public void Failed(Exception exception) => _written.TrySetException(exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Units} units of new rows was refused ({ExceptionType}); writing them one by one")]
    private static partial void LogGroupRefused(ILogger logger, int units, string exceptionType);
}

/// <summary>Pacing of <see cref="NewRowsWriter"/> (configuration section <c>Hub:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// At most one grouped write starts per window; what arrives meanwhile waits for the next (at most this long, plus the
    /// write in flight). Zero: a write starts as soon as the one before has ended.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(10);
}
