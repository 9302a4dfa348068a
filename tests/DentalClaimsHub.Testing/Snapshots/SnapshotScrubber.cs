using System.Text.RegularExpressions;

namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>Replaces values that change between runs (GUIDs, ISO dates and times) with stable numbered tokens.</summary>
public static partial class SnapshotScrubber
{
    /// <summary>Scrubs GUIDs to <c>Guid_n</c>, ISO date-times to <c>DateTime_n</c> and ISO dates to <c>Date_n</c>.</summary>
    /// <remarks>The same value always gets the same token within one text, so relations stay visible.</remarks>
    public static string Scrub(string text)
    {
        var scrubbed = Replace(GuidPattern(), text, "Guid");
        scrubbed = Replace(DateTimePattern(), scrubbed, "DateTime");
        return Replace(DatePattern(), scrubbed, "Date");
    }

    private static string Replace(Regex pattern, string text, string token)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return pattern.Replace(text, match =>
        {
            if (!seen.TryGetValue(match.Value, out var number))
            {
                number = seen.Count + 1;
                seen[match.Value] = number;
            }

            return $"{token}_{number}";
        });
    }

    [GeneratedRegex(@"(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?(?!\d)")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex DatePattern();
}
