using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>What a scenario handler answers: status, content type, body bytes and how long to hold the answer back.</summary>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="ContentType">Content-Type of the body.</param>
/// <param name="Body">The body bytes.</param>
public sealed record SimulatorResponse(int StatusCode, string ContentType, byte[] Body)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Extra time before the answer is sent (a slow or timing-out payer), on top of <see cref="SimulatorRoutes.ResponseDelay"/>.</summary>
    public TimeSpan Delay { get; init; }

    public static SimulatorResponse Text(int statusCode, string contentType, string body) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(body));

    public static SimulatorResponse Json(int statusCode, JsonNode body, string contentType = "application/json") =>
        new(statusCode, contentType + "; charset=utf-8", Encoding.UTF8.GetBytes(body.ToJsonString(Indented)));

    public static SimulatorResponse NotFound(string path) =>
        Json(404, new JsonObject { ["error"] = "not-found", ["path"] = path });
}
