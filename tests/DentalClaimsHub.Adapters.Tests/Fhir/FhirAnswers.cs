using System.Text.Json.Nodes;

namespace DentalClaimsHub.Adapters.Tests.Fhir;

/// <summary>Answers a FHIR payer may give that the simulator's modules do not, for stubbed routes.</summary>
internal static class FhirAnswers
{
    public static JsonObject Outcome(string code, string diagnostics) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = diagnostics }),
    };

    public static JsonObject Response(string outcome, string? disposition = null, bool inforce = true) => new()
    {
        ["resourceType"] = "CoverageEligibilityResponse",
        ["status"] = "active",
        ["purpose"] = new JsonArray("validation"),
        ["patient"] = new JsonObject { ["reference"] = "Patient/p1" },
        ["created"] = "2026-03-15",
        ["request"] = new JsonObject { ["reference"] = "CoverageEligibilityRequest" },
        ["outcome"] = outcome,
        ["disposition"] = disposition,
        ["insurer"] = new JsonObject { ["reference"] = "Organization/demo-fhir-dental" },
        ["insurance"] = new JsonArray(new JsonObject
        {
            ["coverage"] = new JsonObject { ["reference"] = "Coverage/c1" },
            ["inforce"] = inforce,
        }),
    };
}
