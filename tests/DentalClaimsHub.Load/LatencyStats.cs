using System.Globalization;

namespace DentalClaimsHub.Load;

/// <summary>Latency percentiles of one load phase, in milliseconds (nearest-rank).</summary>
public sealed record LatencyStats(int Count, int Errors, double Seconds, double P50, double P90, double P99, double Max)
{
    public double Throughput => Count / Seconds;

    /// <summary>Each request's latency by its index in the phase (NaN when it failed).</summary>
    public IReadOnlyList<double> ByIndex { get; init; } = [];

    public int Rate { get; init; }

    /// <summary>
    /// One line per second of the phase (by when each request was due): its p50, p99 and max, so a tail made of a few
    /// stalls (all slow requests in one second) can be told from one spread evenly (queueing).
    /// </summary>
    public IEnumerable<string> Timeline()
    {
        for (var start = 0; Rate > 0 && start < ByIndex.Count; start += Rate)
        {
            var second = From([.. ByIndex.Skip(start).Take(Rate).Where(l => !double.IsNaN(l))], 0, 1);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  second {start / Rate,3}: p50 {second.P50,7:0.0}  p99 {second.P99,7:0.0}  max {second.Max,7:0.0}");
        }
    }

    public static LatencyStats From(IReadOnlyList<double> latenciesMs, int errors, double seconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(latenciesMs.Count, errors, seconds, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} {Count,7} {Errors,6} {Throughput,9:0.0} {P50,9:0.0} {P90,9:0.0} {P99,9:0.0} {Max,9:0.0}");

    public static string Header => $"{"phase",-28} {"ok",7} {"errors",6} {"req/s",9} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9}";

    /// <summary>The nearest-rank percentile of ascending values (NaN for none): every measure the script prints uses it.</summary>
    public static double Rank(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
