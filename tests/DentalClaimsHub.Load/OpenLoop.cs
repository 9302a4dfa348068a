using System.Diagnostics;

namespace DentalClaimsHub.Load;

/// <summary>
/// Fires requests at a fixed rate whatever the latency (open loop), so a slow server cannot slow the load down and hide
/// its queueing. Latency runs from the scheduled send time, which charges the client's own lateness to the result too.
/// </summary>
public static class OpenLoop
{
    public static async Task<LatencyStats> RunAsync(int ratePerSecond, TimeSpan duration, Func<int, CancellationToken, Task> send,
        CancellationToken cancellationToken)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        // By request index (NaN for a failed one), so the slow requests can be placed in time (LOAD_TIMELINE=1).
        var latencies = new double[total];
        Array.Fill(latencies, double.NaN);
        var errors = 0;
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / ratePerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await send(index, cancellationToken);
                    latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"  request {index} failed: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return LatencyStats.From([.. latencies.Where(l => !double.IsNaN(l))], errors, clock.Elapsed.TotalSeconds) with
        {
            ByIndex = latencies,
            Rate = ratePerSecond,
        };
    }
}
