using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>
/// ДМС insurer file drop: <c>POST /dms/files</c> (multipart upload or a raw body named by <c>X-File-Name</c>). Guarantee-letter
/// requests of every layout are read (<see cref="GuaranteeRequestReader"/>) into <see cref="Plans"/> and the ledger;
/// <c>GET /dms/guarantee-letters?request=…&amp;layout=…</c> answers one in an insurer's answer layout (<see cref="GuaranteeAnswerWriter"/>).
/// </summary>
public sealed class DmsModule(TimeProvider time, X12.ClaimLedger ledger) : ISimulatorModule
{
    public const string Path = "/dms/files";

    public const string AnswerPath = "/dms/guarantee-letters";

    private readonly ConcurrentQueue<DmsFile> files = new();

    private readonly ConcurrentDictionary<string, GuaranteePlan> plans = new(StringComparer.Ordinal);

    public string Protocol => "dms";

    /// <summary>Files received so far, oldest first.</summary>
    public IReadOnlyList<DmsFile> Files => [.. files];

    /// <summary>Treatment plans read from the guarantee-letter requests received so far, by request reference.</summary>
    public IReadOnlyDictionary<string, GuaranteePlan> Plans => plans;

    /// <summary>The answer to a received plan in an insurer's answer layout; null when no such plan arrived or the layout is unknown.</summary>
    public (string FileName, string ContentType, byte[] Content)? Answer(string request, string layout, GuaranteeAnswer answer) =>
        plans.TryGetValue(request, out var plan) ? GuaranteeAnswerWriter.Write(layout, plan, answer) : null;

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register("dms.files.accept", isDefault: true);
        routes.Map("POST", Path, Upload);
        routes.Map("GET", Path, _ => SimulatorResponse.Json(200, new JsonArray([.. files.Select(Summary)])));
        routes.Map("GET", AnswerPath, AnswerFile);
    }

    internal void Clear()
    {
        files.Clear();
        plans.Clear();
    }

    // The demo's way to get an answer: approve the whole plan for 30 days with its total as the limit.
    private SimulatorResponse AnswerFile(SimulatorRequest request)
    {
        var reference = request.Query.GetValueOrDefault("request") ?? "";
        var layout = request.Query.GetValueOrDefault("layout") ?? "demo-med";
        if (!plans.TryGetValue(reference, out var plan))
        {
            return SimulatorResponse.Json(404, new JsonObject { ["error"] = "no-such-request", ["request"] = reference });
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var number = "ГП-SIM-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reference)))[..6];
        return GuaranteeAnswerWriter.Write(layout, plan, new GuaranteeAnswer(number, today, today, today.AddDays(30), plan.Total)) is { } file
            ? new SimulatorResponse(200, file.ContentType, file.Content)
            : SimulatorResponse.Json(400, new JsonObject { ["error"] = "unknown-layout", ["layouts"] = new JsonArray([.. GuaranteeAnswerWriter.Layouts.Select(l => (JsonNode)l)]) });
    }

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

        RecordClaims(fileName, content);
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

    // A guarantee-letter request of any layout, or the hub's default CSV claims registry: each claim number once in the ledger.
    private void RecordClaims(string fileName, byte[] content)
    {
        var requested = GuaranteeRequestReader.Read(fileName, content);
        foreach (var plan in requested)
        {
            plans[plan.Request] = plan;
            ledger.Record(plan.Request, "dms-plan", plan.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), null, time.GetUtcNow());
        }

        var text = DecodeText(content);
        if (requested.Count > 0 || !text.StartsWith("Реестр", StringComparison.Ordinal))
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
            ledger.Record(claim.Key, "dms-claim", total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), null, time.GetUtcNow());
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
