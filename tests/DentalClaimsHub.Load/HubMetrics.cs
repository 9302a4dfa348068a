namespace DentalClaimsHub.Load;

/// <summary>Reads the hub instances' <c>/metrics</c>; each measure taken around a phase parses the same readings.</summary>
public static class HubMetrics
{
    /// <summary>The <c>/metrics</c> text of each instance.</summary>
    public static async Task<IReadOnlyList<string>> ScrapeAsync(HttpClient http, IEnumerable<Uri> instances, CancellationToken ct)
    {
        var texts = new List<string>();
        foreach (var instance in instances)
        {
            texts.Add(await http.GetStringAsync(new Uri(instance, "/metrics"), ct));
        }

        return texts;
    }
}
