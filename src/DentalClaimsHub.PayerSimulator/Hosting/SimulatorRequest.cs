using WireMock;

namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>The parts of an incoming request that scenario handlers read.</summary>
public sealed class SimulatorRequest
{
    internal SimulatorRequest(IRequestMessage message)
    {
        Method = message.Method;
        Path = message.Path;
        ContentType = Header(message, "Content-Type") ?? string.Empty;
        Body = message.BodyData?.BodyAsBytes
            ?? (message.Body is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : []);
        Headers = message.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Query = message.Query?.ToDictionary(q => q.Key, q => string.Join(",", q.Value), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Query string parameters (repeated ones joined with commas).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    public string Method { get; }

    public string Path { get; }

    public string ContentType { get; }

    public byte[] Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    private static string? Header(IRequestMessage message, string name) =>
        message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
