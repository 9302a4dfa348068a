using System.Globalization;

namespace DentalClaimsHub.Load;

/// <summary>Latency percentiles of one load phase, in milliseconds (nearest-rank).</summary>
public sealed record LatencyStats(int Count, int Errors, double Seconds, double P50, double P90, double P99, double Max)
{
    public double Throughput => Count / Seconds;

    public static LatencyStats From(IReadOnlyList<double> latenciesMs, int errors, double seconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(latenciesMs.Count, errors, seconds, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} {Count,7} {Errors,6} {Throughput,9:0.0} {P50,9:0.0} {P90,9:0.0} {P99,9:0.0} {Max,9:0.0}");

    public static string Header => $"{"phase",-28} {"ok",7} {"errors",6} {"req/s",9} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9}";

    private static double Rank(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
