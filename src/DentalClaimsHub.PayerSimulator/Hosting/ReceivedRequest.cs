namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>A request the simulator received, kept so tests can count and inspect deliveries.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path without the query string.</param>
/// <param name="ContentType">The Content-Type header, or an empty string.</param>
/// <param name="Body">The raw body bytes.</param>
/// <param name="StatusCode">The status the simulator answered with.</param>
/// <param name="ResponseLength">Length in bytes of the answer body.</param>
/// <param name="ReceivedAt">When the request arrived (UTC, from the simulator's <see cref="TimeProvider"/>).</param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    int StatusCode,
    int ResponseLength,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The request's headers (names case-insensitive; repeated values joined with commas).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);
}
