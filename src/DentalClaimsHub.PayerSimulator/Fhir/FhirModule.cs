using System.Text.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>FHIR R4 payer: <c>GET /fhir/metadata</c> and <c>POST /fhir/CoverageEligibilityRequest</c>.</summary>
public sealed class FhirModule(TimeProvider time) : ISimulatorModule
{
    public const string EligibilityActive = "fhir.eligibility.active";
    public const string EligibilityInactive = "fhir.eligibility.inactive";
    private const string FhirJson = "application/fhir+json";

    public string Protocol => "fhir";

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(EligibilityActive, isDefault: true);
        scenarios.Register(EligibilityInactive);
        routes.Map("GET", "/fhir/metadata", _ =>
            SimulatorResponse.Json(200, CapabilityStatementDocument.Build(time.GetUtcNow()), FhirJson));
        routes.Map("POST", "/fhir/CoverageEligibilityRequest", request => Eligibility(request, scenarios));
    }

    private SimulatorResponse Eligibility(SimulatorRequest request, ScenarioSelector scenarios)
    {
        JsonObject? resource;
        try
        {
            resource = JsonNode.Parse(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException exception)
        {
            return Outcome("invalid", "Body is not JSON: " + exception.Message);
        }

        if (resource?["resourceType"]?.GetValue<string>() != "CoverageEligibilityRequest")
        {
            return Outcome("invalid", "Expected a CoverageEligibilityRequest resource.");
        }

        if (resource["patient"] is null || resource["insurer"] is null)
        {
            return Outcome("required", "CoverageEligibilityRequest.patient and .insurer are required.");
        }

        var memberId = resource["patient"]?["identifier"]?["value"]?.GetValue<string>();
        var inforce = scenarios.Select("fhir.eligibility", memberId) != EligibilityInactive;
        return SimulatorResponse.Json(200, EligibilityResponseDocument.Build(resource, inforce, time.GetUtcNow()), FhirJson);
    }

    private static SimulatorResponse Outcome(string code, string diagnostics) => SimulatorResponse.Json(400, new JsonObject
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = diagnostics }),
    }, FhirJson);
}
