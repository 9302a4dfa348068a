using System.Globalization;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>Parses durations written as <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>14d</c> or <c>hh:mm:ss</c>.</summary>
internal static class DurationText
{
    public static TimeSpan? TryParse(string text)
    {
        var value = ParseAny(text);
        return value is { } span && span > TimeSpan.Zero ? span : null;
    }

    private static TimeSpan? ParseAny(string text)
    {
        if (text.Length < 2)
        {
            return null;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal)
            ? (text[..^2], "ms")
            : (text[..^1], text[^1..]);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
