using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>ДМС insurer file drop: <c>POST /dms/files</c> (multipart upload or a raw body named by <c>X-File-Name</c>).</summary>
public sealed class DmsModule(TimeProvider time) : ISimulatorModule
{
    public const string Path = "/dms/files";

    private readonly ConcurrentQueue<DmsFile> files = new();

    public string Protocol => "dms";

    /// <summary>Files received so far, oldest first.</summary>
    public IReadOnlyList<DmsFile> Files => [.. files];

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register("dms.files.accept", isDefault: true);
        routes.Map("POST", Path, Upload);
        routes.Map("GET", Path, _ => SimulatorResponse.Json(200, new JsonArray([.. files.Select(Summary)])));
    }

    internal void Clear() => files.Clear();

    private static JsonNode Summary(DmsFile file) =>
        new JsonObject { ["id"] = file.Id, ["fileName"] = file.FileName, ["size"] = file.Content.Length };

    private SimulatorResponse Upload(SimulatorRequest request)
    {
        var (name, type, content) = request.ContentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? FilePart(request)
            : (request.Headers.GetValueOrDefault("X-File-Name") ?? "upload.bin", request.ContentType, request.Body);
        if (content.Length == 0)
        {
            return SimulatorResponse.Json(400, new JsonObject { ["error"] = "empty-file" });
        }

        var file = new DmsFile(
            "DMS-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            System.IO.Path.GetFileName(name),
            type,
            content,
            Convert.ToHexStringLower(SHA256.HashData(content)),
            time.GetUtcNow());
        files.Enqueue(file);
        return SimulatorResponse.Json(202, new JsonObject
        {
            ["id"] = file.Id, ["fileName"] = file.FileName, ["size"] = content.Length, ["sha256"] = file.Sha256,
        });
    }

    private static (string Name, string ContentType, byte[] Content) FilePart(SimulatorRequest request)
    {
        var part = MultipartBody.ReadParts(request.ContentType, request.Body).FirstOrDefault(p => p.FileName is not null);
        return part.FileName is null ? ("upload.bin", string.Empty, []) : (part.FileName, "application/octet-stream", part.Content);
    }
}
