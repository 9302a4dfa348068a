using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DentalClaimsHub.Storage;

internal enum SaveStep
{
    DetectChanges,
    ClaimEvents,
    Webhooks,
    TakeBulk,
    EntityFramework,
    BulkUpdate,
    Copy,
}

// Where a large save spends its time (an 835 posting 10,000 payments), logged at Debug by the context's category: the
// remittance benchmark reads it. Costs a few timestamps per save; nothing is logged for ordinary saves.
internal struct SaveProfile
{
    private long _last;
    private long[]? _ticks;

    public static SaveProfile Start() => new() { _last = Stopwatch.GetTimestamp() };

    public void Mark(SaveStep step)
    {
        var now = Stopwatch.GetTimestamp();
        (_ticks ??= new long[Enum.GetValues<SaveStep>().Length])[(int)step] += now - _last;
        _last = now;
    }

    public readonly void Log(HubDbContext db, int written)
    {
        var logger = db.GetService<ILoggerFactory>().CreateLogger<HubDbContext>();
        if (_ticks is null || !logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var ticks = _ticks;
        long Ms(SaveStep step) => (long)Stopwatch.GetElapsedTime(0, ticks[(int)step]).TotalMilliseconds;
        logger.LogDebug("Save of {Written} rows: detect changes {DetectMs} ms, claim events {EventsMs} ms, webhooks {WebhooksMs} ms, "
            + "bulk rows taken {TakeMs} ms, EF {EfMs} ms, bulk claim updates {UpdateMs} ms, COPY {CopyMs} ms",
            written, Ms(SaveStep.DetectChanges), Ms(SaveStep.ClaimEvents), Ms(SaveStep.Webhooks), Ms(SaveStep.TakeBulk),
            Ms(SaveStep.EntityFramework), Ms(SaveStep.BulkUpdate), Ms(SaveStep.Copy));
    }
}
