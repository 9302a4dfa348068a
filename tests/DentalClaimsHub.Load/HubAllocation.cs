namespace DentalClaimsHub.Load;

/// <summary>
/// What the hub allocates through a phase, from the runtime's total on <c>/metrics</c> read every second. Read only at the
/// phase's two ends it gave nonsense in some runs (3–42 KB a check against a traced 156–164 KB), as if the total had fallen
/// in between. Only its rises between readings are summed, and any fall is counted. A fall smaller than a second's
/// allocation still hides inside a rise: one run read 111 KB a check with no fall seen, against 152 KB in the runs beside it.
/// So the figure is a lower bound; an allocation trace (EventPipe) is the reference.
/// </summary>
public sealed class HubAllocation
{
    private readonly Task<(double Bytes, int Falls)> _sampling;
    private readonly CancellationTokenSource _stop;

    private HubAllocation(Task<(double, int)> sampling, CancellationTokenSource stop) => (_sampling, _stop) = (sampling, stop);

    public static HubAllocation Start(HttpClient http, IReadOnlyList<Uri> instances, CancellationToken ct)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        return new HubAllocation(SampleAsync(http, instances, stop.Token), stop);
    }

    /// <summary>The bytes allocated (the rises summed over the instances) and how many times a total fell.</summary>
    public async Task<(double Bytes, int Falls)> StopAsync()
    {
        await _stop.CancelAsync();
        var result = await _sampling;
        _stop.Dispose();
        return result;
    }

    private static async Task<(double, int)> SampleAsync(HttpClient http, IReadOnlyList<Uri> instances, CancellationToken ct)
    {
        var last = new double?[instances.Count];
        var (bytes, falls) = (0.0, 0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            for (var i = 0; i < instances.Count; i++)
            {
                IReadOnlyList<string> texts;
                try
                {
                    texts = await HubMetrics.ScrapeAsync(http, [instances[i]], CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    continue;
                }

                var total = HubGcPauses.Read(texts).AllocatedBytes;
                if (last[i] is { } previous)
                {
                    if (total >= previous)
                    {
                        bytes += total - previous;
                    }
                    else
                    {
                        falls++;
                    }
                }

                last[i] = total;
            }
        }
        while (await Next(timer, ct));

        return (bytes, falls);
    }

    // The last reading is taken when the phase ends, not skipped.
    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
