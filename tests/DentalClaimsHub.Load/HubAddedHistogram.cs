using System.Globalization;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Load;

/// <summary>
/// The hub's own measure of what it adds (<c>dch.hub.added.duration</c>: each check's time in the hub less its payer call),
/// read from <c>/metrics</c> before and after a phase; percentiles are interpolated within the histogram's buckets.
/// </summary>
public static partial class HubAddedHistogram
{
    private const string Route = "/v1/eligibility/";

    /// <summary>Cumulative count per upper bound (seconds; +Inf as infinity), summed over the instances.</summary>
    public static SortedDictionary<double, long> Read(IEnumerable<string> scrapes)
    {
        var buckets = new SortedDictionary<double, long>();
        foreach (var text in scrapes)
        {
            foreach (Match line in Bucket().Matches(text))
            {
                var labels = line.Groups["labels"].Value;
                if (!labels.Contains($"http_route=\"{Route}\"", StringComparison.Ordinal))
                {
                    continue;
                }

                var le = Le().Match(labels).Groups[1].Value;
                var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                var count = (long)double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
                buckets[bound] = buckets.GetValueOrDefault(bound) + count;
            }
        }

        return buckets;
    }

    /// <summary>"p50 … p90 … p99 … ms (n checks)" of the checks recorded between the two readings.</summary>
    public static string Describe(SortedDictionary<double, long> before, SortedDictionary<double, long> after)
    {
        var delta = after.Select(b => (Bound: b.Key, Count: b.Value - before.GetValueOrDefault(b.Key))).ToList();
        var total = delta.Count == 0 ? 0 : delta[^1].Count;
        if (total == 0)
        {
            return "no checks recorded (is /metrics on?)";
        }

        string At(double quantile)
        {
            var rank = quantile * total;
            var (lower, below) = (0.0, 0L);
            foreach (var (bound, count) in delta)
            {
                if (count >= rank)
                {
                    return double.IsPositiveInfinity(bound)
                        ? string.Create(CultureInfo.InvariantCulture, $"> {lower * 1000:0.0}")
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{(lower + (bound - lower) * (rank - below) / Math.Max(1, count - below)) * 1000:0.0}");
                }

                (lower, below) = (bound, count);
            }

            return "?";
        }

        return $"p50 {At(0.50)} ms, p90 {At(0.90)} ms, p99 {At(0.99)} ms ({total} checks)";
    }

    [GeneratedRegex("""^dch_hub_added_duration_seconds_bucket\{(?<labels>[^}]*)\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Bucket();

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex Le();
}
