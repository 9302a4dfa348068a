using System.Globalization;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Load;

/// <summary>
/// The hub's garbage collections and their pauses during a phase, from the runtime's own counters on <c>/metrics</c>
/// (<c>dotnet.gc.collections</c> per generation, <c>dotnet.gc.pause.time</c>). A pause stops every thread of the hub, so a
/// check whose own work (not its payer wait) meets one carries the rest of it: at 500 checks/s these pauses were the
/// largest single share of the hub's slowest checks.
/// </summary>
public static partial class HubGcPauses
{
    /// <summary>Collections per generation, the total pause (seconds) and the bytes allocated, summed over the instances.</summary>
    public sealed record Reading(IReadOnlyDictionary<string, long> Collections, double PausedSeconds, double AllocatedBytes);

    public static Reading Read(IEnumerable<string> scrapes)
    {
        var collections = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var paused = 0.0;
        var allocated = 0.0;
        foreach (var text in scrapes)
        {
            foreach (Match line in Collections().Matches(text))
            {
                var generation = line.Groups["gen"].Value;
                collections[generation] = collections.GetValueOrDefault(generation) + (long)Value(line);
            }

            foreach (Match line in Pause().Matches(text))
            {
                paused += Value(line);
            }

            foreach (Match line in Allocated().Matches(text))
            {
                allocated += Value(line);
            }
        }

        return new Reading(collections, paused, allocated);
    }

    /// <summary>
    /// "N collections (gen0 …), X ms paused in all (Y % of the phase), Z ms per collection; K KB allocated per request": the
    /// allocation per request (<see cref="HubAllocation"/>) sets how often a collection comes.
    /// </summary>
    public static string Describe(Reading before, Reading after, TimeSpan phase, long requests, (double Bytes, int Falls) allocation)
    {
        if (after.Collections.Count == 0)
        {
            return "no runtime counters on /metrics";
        }

        var perGeneration = after.Collections.Select(c => (Generation: c.Key, Count: c.Value - before.Collections.GetValueOrDefault(c.Key)))
            .Where(c => c.Count > 0).ToList();
        var count = perGeneration.Sum(c => c.Count);
        var perRequest = requests > 0 ? allocation.Bytes / requests / 1024 : 0;
        var falls = allocation.Falls > 0 ? $" (the runtime's total fell {allocation.Falls} times between readings a second apart)" : "";
        var allocated = perRequest > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {perRequest:0.0} KB allocated per request{falls}")
            : "";
        if (count == 0)
        {
            return "no collections" + allocated;
        }

        var paused = (after.PausedSeconds - before.PausedSeconds) * 1000;
        var generations = string.Join(", ", perGeneration.Select(c => $"{c.Generation} {c.Count}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{count} collections ({generations}), {paused:0} ms paused in all ({paused / phase.TotalMilliseconds:0.0%} of the phase), "
            + $"{paused / count:0.0} ms per collection{allocated}");
    }

    private static double Value(Match line) => double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);

    // A collection counts once, under the oldest generation it collected.
    [GeneratedRegex("""^dotnet_gc_collections(?:_total)?\{[^}]*gc_heap_generation="(?<gen>[^"]+)"[^}]*\} (?<value>\S+)""",
        RegexOptions.Multiline)]
    private static partial Regex Collections();

    [GeneratedRegex("""^dotnet_gc_pause_time(?:_seconds)?(?:_total)?(?:\{[^}]*\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Pause();

    [GeneratedRegex("""^dotnet_gc_heap_total_allocated(?:_bytes)?(?:_total)?(?:\{[^}]*\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Allocated();
}
