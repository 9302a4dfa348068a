using System.Globalization;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>The FHIR R4 CapabilityStatement the simulator publishes at <c>/fhir/metadata</c>.</summary>
internal static class CapabilityStatementDocument
{
    private static readonly string[] Resources = ["CoverageEligibilityRequest", "Claim", "ClaimResponse", "ExplanationOfBenefit"];

    public static JsonObject Build(DateTimeOffset now) => new()
    {
        ["resourceType"] = "CapabilityStatement",
        ["status"] = "active",
        ["date"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["publisher"] = "DentalClaimsHub payer simulator",
        ["kind"] = "instance",
        ["software"] = new JsonObject { ["name"] = "DentalClaimsHub.PayerSimulator" },
        ["fhirVersion"] = "4.0.1",
        ["format"] = new JsonArray("json"),
        ["rest"] = new JsonArray(new JsonObject
        {
            ["mode"] = "server",
            ["resource"] = new JsonArray([.. Resources.Select(Resource)]),
        }),
    };

    private static JsonNode Resource(string type) => new JsonObject
    {
        ["type"] = type,
        ["interaction"] = new JsonArray(new JsonObject { ["code"] = "create" }),
    };
}
