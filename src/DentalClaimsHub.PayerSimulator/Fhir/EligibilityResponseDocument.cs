using System.Globalization;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// Builds the CoverageEligibilityResponse answering a CoverageEligibilityRequest: it echoes the request (reference and
/// identifier), patient, insurer and coverage, and carries the scenario's benefits, inactive coverage or error.
/// </summary>
internal static class EligibilityResponseDocument
{
    /// <summary>X12 AAA reject reason codes, which payers fronting X12 back ends pass through as FHIR error codes.</summary>
    public const string RejectReasonSystem = "https://codesystem.x12.org/005010/901";

    public static JsonObject Build(JsonObject request, string scenario, DateTimeOffset now)
    {
        var requestId = request["id"]?.GetValue<string>();
        var echoed = new JsonObject
        {
            ["reference"] = scenario == FhirModule.EligibilityOtherRequest ? $"CoverageEligibilityRequest/{Guid.NewGuid()}"
                : requestId is null ? "CoverageEligibilityRequest" : $"CoverageEligibilityRequest/{requestId}",
        };
        if (scenario != FhirModule.EligibilityOtherRequest && request["identifier"]?.AsArray().FirstOrDefault() is { } identifier)
        {
            echoed["identifier"] = identifier.DeepClone();
        }

        var notFound = scenario == FhirModule.EligibilityMemberNotFound;
        var response = new JsonObject
        {
            ["resourceType"] = "CoverageEligibilityResponse",
            ["id"] = Guid.NewGuid().ToString(),
            ["status"] = "active",
            ["purpose"] = request["purpose"]?.DeepClone() ?? new JsonArray("benefits"),
            ["patient"] = request["patient"]?.DeepClone(),
            ["created"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["request"] = echoed,
            ["outcome"] = notFound ? "error" : "complete",
            ["disposition"] = notFound ? "Subscriber not found" : "Eligibility determined",
            ["insurer"] = request["insurer"]?.DeepClone(),
        };
        if (notFound)
        {
            response["error"] = new JsonArray(new JsonObject
            {
                ["code"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = RejectReasonSystem, ["code"] = "75" }),
                    ["text"] = "Subscriber/insured not found",
                },
            });
            return response;
        }

        var inforce = scenario != FhirModule.EligibilityInactive;
        var year = now.Year;
        response["insurance"] = new JsonArray(new JsonObject
        {
            ["coverage"] = request["insurance"]?.AsArray().FirstOrDefault()?["coverage"]?.DeepClone(),
            ["inforce"] = inforce,
            ["benefitPeriod"] = new JsonObject { ["start"] = $"{year}-01-01", ["end"] = $"{year}-12-31" },
            ["item"] = inforce ? FhirBenefitPlan.Items(scenario, ProcedureCodes(request)) : new JsonArray(),
        });
        return response;
    }

    private static IEnumerable<string> ProcedureCodes(JsonObject request) =>
        (request["item"] as JsonArray ?? [])
            .Select(i => i?["productOrService"]?["coding"]?.AsArray().FirstOrDefault()?["code"])
            .OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var code) ? code : null)
            .OfType<string>();
}
