using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>ДМС insurer file drop: <c>POST /dms/files</c> (multipart upload or a raw body named by <c>X-File-Name</c>).</summary>
public sealed class DmsModule(TimeProvider time, X12.ClaimLedger ledger) : ISimulatorModule
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

        // A drop folder keeps one file per name: uploading the same name again replaces it (a resend adds nothing).
        var fileName = System.IO.Path.GetFileName(name);
        if (files.FirstOrDefault(f => f.FileName == fileName) is { } existing)
        {
            return SimulatorResponse.Json(202, new JsonObject
            {
                ["id"] = existing.Id, ["fileName"] = existing.FileName, ["size"] = existing.Content.Length, ["sha256"] = existing.Sha256,
            });
        }

        RecordClaims(content);
        var file = new DmsFile(
            "DMS-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            fileName,
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

    // A claims registry or guarantee-letter request (CSV, windows-1251 or UTF-8): each claim number once in the ledger.
    private void RecordClaims(byte[] content)
    {
        var text = DecodeText(content);
        var kind = text.StartsWith("Запрос гарантийного письма", StringComparison.Ordinal) ? "dms-plan"
            : text.StartsWith("Реестр", StringComparison.Ordinal) ? "dms-claim" : null;
        if (kind is null)
        {
            return;
        }

        var rows = text.Split("\r\n").SkipWhile(l => !l.StartsWith("№ п/п;", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0 && !l.StartsWith("Итого", StringComparison.Ordinal))
            .Select(l => l.Split(';'))
            .Where(cells => cells.Length > 15);
        foreach (var claim in rows.GroupBy(cells => cells[1]))
        {
            var total = claim.Sum(cells => decimal.TryParse(cells[15].Replace(" ", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), out var amount) ? amount : 0m);
            ledger.Record(claim.Key, kind, total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), null, time.GetUtcNow());
        }
    }

    private static string DecodeText(byte[] content)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (System.Text.DecoderFallbackException)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            return System.Text.Encoding.GetEncoding(1251).GetString(content);
        }
    }

    private static (string Name, string ContentType, byte[] Content) FilePart(SimulatorRequest request)
    {
        var part = MultipartBody.ReadParts(request.ContentType, request.Body).FirstOrDefault(p => p.FileName is not null);
        return part.FileName is null ? ("upload.bin", string.Empty, []) : (part.FileName, "application/octet-stream", part.Content);
    }
}
