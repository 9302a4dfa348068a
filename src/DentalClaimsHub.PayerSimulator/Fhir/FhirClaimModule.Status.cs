using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// Claim status the R4 way: <c>POST /fhir/Task</c> with code <c>status</c> (financialtaskcode) whose focus names a claim by
/// the identifier it was sent under. A claim this payer took in is answered with the Task completed and its ClaimResponse in
/// the output — by reference (read with <c>GET /fhir/ClaimResponse/{id}</c>) or contained, as the scenario says; an
/// unknown claim with 404 and an OperationOutcome <c>not-found</c>. Scenarios (slot <c>fhir.status</c>, chosen per claim
/// identifier prefix like the claim scenarios): pending (default: outcome partial, by reference), paid (complete, 80% of
/// the total, contained), denied (complete, nothing paid, reason ar001 on every item, by reference), error (outcome error,
/// contained), in-progress (202 with the Task still in progress), payer-500 and slow (the pending answer, held
/// <see cref="SlowStatusDelay"/>).
/// </summary>
public sealed partial class FhirClaimModule
{
    public const string StatusPending = "fhir.status.pending";
    public const string StatusPaid = "fhir.status.paid";
    public const string StatusDenied = "fhir.status.denied";
    public const string StatusError = "fhir.status.error";
    public const string StatusInProgress = "fhir.status.in-progress";
    public const string StatusServerError = "fhir.status.payer-500";
    public const string StatusSlow = "fhir.status.slow";
    public const string TaskPath = "/fhir/Task";
    public const string ClaimResponsePath = "/fhir/ClaimResponse/";
    private const string FinancialTask = "http://terminology.hl7.org/CodeSystem/financialtaskcode";
    private const string AdjudicationSystem = "http://terminology.hl7.org/CodeSystem/adjudication";

    private readonly ConcurrentDictionary<string, (JsonObject Claim, JsonObject Answer)> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _statusResponses = new(StringComparer.Ordinal);

    private void RegisterStatus(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(StatusPending, isDefault: true);
        foreach (var scenario in new[] { StatusPaid, StatusDenied, StatusError, StatusInProgress, StatusServerError, StatusSlow })
        {
            scenarios.Register(scenario);
        }

        routes.Map("POST", TaskPath, request => Status(request, scenarios));
        routes.Map("GET", ClaimResponsePath + "*", request =>
            _statusResponses.TryGetValue(request.Path[ClaimResponsePath.Length..], out var found)
                ? SimulatorResponse.Json(200, found.DeepClone(), FhirJson)
                : Outcome(404, "not-found", "No such ClaimResponse."));
    }

    /// <summary>How long the slow scenario holds its answer: longer than any sensible hub timeout; tests shorten it.</summary>
    public TimeSpan SlowStatusDelay { get; set; } = TimeSpan.FromSeconds(60);

    private void ClearStatus()
    {
        _received.Clear();
        _statusResponses.Clear();
    }

    private void Received(string identifier, JsonObject claim, JsonObject answer) => _received.TryAdd(identifier, (claim.DeepClone().AsObject(), answer));

    private SimulatorResponse Status(SimulatorRequest request, ScenarioSelector scenarios)
    {
        JsonObject? task;
        try
        {
            task = JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            task = null;
        }

        if (task?["resourceType"]?.GetValue<string>() != "Task"
            || task["code"]?["coding"]?.AsArray().Any(c => c?["system"]?.GetValue<string>() == FinancialTask
                && c["code"]?.GetValue<string>() == "status") != true)
        {
            return Outcome(400, "invalid", "Expected a Task with code status (financialtaskcode).");
        }

        var identifier = task["focus"]?["identifier"]?["value"]?.GetValue<string>();
        if (string.IsNullOrEmpty(identifier))
        {
            return Outcome(422, "required", "Task.focus must name the claim by its identifier.");
        }

        var scenario = scenarios.Select("fhir.status", identifier);
        if (scenario == StatusServerError)
        {
            return SimulatorResponse.Text(500, "text/html; charset=utf-8", "<html><body><h1>Internal Server Error</h1></body></html>");
        }

        if (!_received.TryGetValue(identifier, out var received))
        {
            return Outcome(404, "not-found", $"No claim with identifier {identifier} was received.");
        }

        var answer = (JsonObject)task.DeepClone();
        answer["id"] = Guid.NewGuid().ToString();
        answer["lastModified"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (scenario == StatusInProgress)
        {
            answer["status"] = "in-progress";
            return SimulatorResponse.Json(202, answer, FhirJson);
        }

        var response = StatusResponse(received.Claim, received.Answer, scenario);
        answer["status"] = "completed";
        JsonObject reference;
        if (scenario is StatusPaid or StatusError)
        {
            response["id"] = "status-response";
            answer["contained"] = new JsonArray(response);
            reference = new JsonObject { ["reference"] = "#status-response" };
        }
        else
        {
            var id = response["id"]!.GetValue<string>();
            _statusResponses[id] = response;
            reference = new JsonObject { ["reference"] = $"ClaimResponse/{id}" };
        }

        answer["output"] = new JsonArray(new JsonObject
        {
            ["type"] = new JsonObject { ["text"] = "ClaimResponse" },
            ["valueReference"] = reference,
        });
        var created = SimulatorResponse.Json(201, answer, FhirJson);
        return scenario == StatusSlow ? created with { Delay = SlowStatusDelay } : created;
    }

    private JsonObject StatusResponse(JsonObject claim, JsonObject first, string scenario)
    {
        var response = (JsonObject)first.DeepClone();
        response["id"] = Guid.NewGuid().ToString();
        response["created"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        response["outcome"] = scenario switch
        {
            StatusPaid or StatusDenied => "complete",
            StatusError => "error",
            _ => "partial",
        };
        var currency = claim["total"]?["currency"]?.GetValue<string>() ?? "USD";
        var total = claim["total"]?["value"]?.GetValue<decimal>() ?? 0m;
        if (scenario == StatusError)
        {
            response["disposition"] = "Claim could not be processed: the subscriber's coverage is not on file.";
            response["error"] = new JsonArray(new JsonObject
            {
                ["code"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject
                    {
                        ["system"] = "http://terminology.hl7.org/CodeSystem/adjudication-error", ["code"] = "a001",
                    }),
                },
            });
            return response;
        }

        if (scenario is not (StatusPaid or StatusDenied))
        {
            response["disposition"] = "Claim is in adjudication.";
            return response;
        }

        var paid = scenario == StatusPaid;
        var items = new JsonArray();
        var benefitTotal = 0m;
        foreach (var item in claim["item"]?.AsArray() ?? [])
        {
            var net = item?["net"]?["value"]?.GetValue<decimal>() ?? 0m;
            var benefit = paid ? decimal.Round(net * 0.8m, 2) : 0m;
            benefitTotal += benefit;
            var adjudication = new JsonArray(Adjudication("submitted", net, currency), Adjudication("benefit", benefit, currency));
            if (!paid)
            {
                adjudication[1]!["reason"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject
                    {
                        ["system"] = "http://terminology.hl7.org/CodeSystem/adjudication-reason", ["code"] = "ar001",
                    }),
                    ["text"] = "Not covered",
                };
            }

            items.Add(new JsonObject { ["itemSequence"] = item?["sequence"]?.GetValue<int>() ?? 0, ["adjudication"] = adjudication });
        }

        response["disposition"] = paid ? "Claim settled as per contract." : "Claim denied: services not covered.";
        response["item"] = items;
        response["total"] = new JsonArray(Adjudication("submitted", total, currency), Adjudication("benefit", benefitTotal, currency));
        response["payment"] = new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = "http://terminology.hl7.org/CodeSystem/ex-paymenttype", ["code"] = "complete",
                }),
            },
            ["amount"] = new JsonObject { ["value"] = benefitTotal, ["currency"] = currency },
        };
        return response;
    }

    private static JsonObject Adjudication(string category, decimal amount, string currency) => new()
    {
        ["category"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = AdjudicationSystem, ["code"] = category }),
        },
        ["amount"] = new JsonObject { ["value"] = amount, ["currency"] = currency },
    };
}
