using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// FHIR claims: <c>POST /fhir/Claim</c> (create; honours <c>If-None-Exist</c> on the claim identifier) and
/// <c>POST /fhir/Claim/$submit</c> (a collection Bundle with the Claim first). Each new claim goes to the ledger and gets a
/// <c>ClaimResponse</c>: <c>queued</c> with a payer claim number for a claim, <c>complete</c> with a pre-authorisation
/// reference and per-item benefit amounts (80% of the net) for a predetermination. A repeat of an identifier already
/// taken in — a resend — is answered with the first response and not counted again, as real payers dedupe. Status Tasks
/// about the claims it took in are answered in <c>FhirClaimModule.Status.cs</c>.
/// </summary>
public sealed partial class FhirClaimModule(TimeProvider time, ClaimLedger ledger) : ISimulatorModule
{
    public const string ClaimsAccept = "fhir.claims.accept";
    public const string ClaimsReject = "fhir.claims.reject";

    /// <summary>Treatment plans are queued for review instead of decided at once (the decision is pushed later).</summary>
    public const string PlansQueued = "fhir.claims.plans-queued";
    public const string ClaimPath = "/fhir/Claim";
    public const string ClaimSubmitPath = "/fhir/Claim/$submit";
    private const string FhirJson = "application/fhir+json";

    private readonly ConcurrentDictionary<string, JsonObject> _answers = new(StringComparer.Ordinal);
    private int _sequence;

    public string Protocol => "fhir";

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(ClaimsAccept, isDefault: true);
        scenarios.Register(ClaimsReject);
        scenarios.Register(PlansQueued);
        routes.Map("POST", ClaimPath, request => Handle(request, scenarios, submit: false));
        routes.Map("POST", ClaimSubmitPath, request => Handle(request, scenarios, submit: true));
        RegisterStatus(routes, scenarios);
    }

    internal void Clear()
    {
        _answers.Clear();
        ClearStatus();
    }

    private SimulatorResponse Handle(SimulatorRequest request, ScenarioSelector scenarios, bool submit)
    {
        JsonObject? claim;
        try
        {
            var root = JsonNode.Parse(request.Body) as JsonObject;
            claim = submit
                ? root?["resourceType"]?.GetValue<string>() == "Bundle" ? root["entry"]?[0]?["resource"] as JsonObject : null
                : root;
        }
        catch (JsonException)
        {
            claim = null;
        }

        if (claim?["resourceType"]?.GetValue<string>() != "Claim")
        {
            return Outcome(400, "invalid", submit ? "Expected a Bundle whose first entry is a Claim." : "Expected a Claim resource.");
        }

        var identifier = claim["identifier"]?.AsArray().Select(i => i?["value"]?.GetValue<string>()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (identifier is null)
        {
            return Outcome(422, "required", "Claim.identifier (the provider's claim number) is required.");
        }

        var use = claim["use"]?.GetValue<string>() ?? "claim";
        if (scenarios.Select("fhir.claims", identifier) == ClaimsReject)
        {
            return Outcome(422, "business-rule", $"Claim {identifier} rejected: member not eligible on the date of service.");
        }

        var key = $"{identifier}|{use}|{claim["status"]?.GetValue<string>()}";
        var fresh = Answer(claim, identifier, use, decideNow: scenarios.Select("fhir.claims", identifier) != PlansQueued);
        var answer = _answers.GetOrAdd(key, fresh);
        if (ReferenceEquals(answer, fresh))
        {
            ledger.Record(identifier, use, claim["total"]?["value"]?.ToString() ?? "", null, time.GetUtcNow());
            if (use == "claim")
            {
                Received(identifier, claim, answer);
            }

            return SimulatorResponse.Json(submit ? 200 : 201, answer.DeepClone(), FhirJson);
        }

        return SimulatorResponse.Json(200, answer.DeepClone(), FhirJson);
    }

    private JsonObject Answer(JsonObject claim, string identifier, string use, bool decideNow)
    {
        var number = Interlocked.Increment(ref _sequence);
        var predetermination = use is "predetermination" or "preauthorization" && decideNow;
        var response = new JsonObject
        {
            ["resourceType"] = "ClaimResponse",
            ["id"] = Guid.NewGuid().ToString(),
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["system"] = "urn:simulator:payer-claim-number",
                ["value"] = string.Create(CultureInfo.InvariantCulture, $"FCN{number:D8}"),
            }),
            ["status"] = "active",
            ["type"] = claim["type"]?.DeepClone(),
            ["use"] = use,
            ["patient"] = claim["patient"]?.DeepClone(),
            ["created"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["insurer"] = claim["insurer"]?.DeepClone(),
            ["request"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = identifier } },
            ["outcome"] = predetermination ? "complete" : "queued",
        };
        if (predetermination)
        {
            response["preAuthRef"] = string.Create(CultureInfo.InvariantCulture, $"PD{number:D8}");
            var items = new JsonArray();
            foreach (var item in claim["item"]?.AsArray() ?? [])
            {
                var net = item?["net"]?["value"]?.GetValue<decimal>() ?? 0m;
                items.Add(new JsonObject
                {
                    ["itemSequence"] = item?["sequence"]?.GetValue<int>() ?? 0,
                    ["adjudication"] = new JsonArray(new JsonObject
                    {
                        ["category"] = new JsonObject
                        {
                            ["coding"] = new JsonArray(new JsonObject
                            {
                                ["system"] = "http://terminology.hl7.org/CodeSystem/adjudication", ["code"] = "benefit",
                            }),
                        },
                        ["amount"] = new JsonObject
                        {
                            ["value"] = decimal.Round(net * 0.8m, 2), ["currency"] = item?["net"]?["currency"]?.GetValue<string>() ?? "USD",
                        },
                    }),
                });
            }

            response["item"] = items;
        }

        return response;
    }

    private static SimulatorResponse Outcome(int status, string code, string diagnostics) => SimulatorResponse.Json(status, new JsonObject
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = diagnostics }),
    }, FhirJson);
}
