using System.Globalization;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>Builds the CoverageEligibilityResponse answering a CoverageEligibilityRequest, echoing its references.</summary>
internal static class EligibilityResponseDocument
{
    private const string BenefitCategory = "http://terminology.hl7.org/CodeSystem/ex-benefitcategory";

    public static JsonObject Build(JsonObject request, bool inforce, DateTimeOffset now)
    {
        var requestId = request["id"]?.GetValue<string>();
        var coverage = request["insurance"]?.AsArray().FirstOrDefault()?["coverage"]?.DeepClone();
        return new JsonObject
        {
            ["resourceType"] = "CoverageEligibilityResponse",
            ["id"] = Guid.NewGuid().ToString(),
            ["status"] = "active",
            ["purpose"] = request["purpose"]?.DeepClone() ?? new JsonArray("benefits"),
            ["patient"] = request["patient"]?.DeepClone(),
            ["created"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["request"] = new JsonObject
            {
                ["reference"] = requestId is null ? "CoverageEligibilityRequest" : $"CoverageEligibilityRequest/{requestId}",
            },
            ["outcome"] = "complete",
            ["insurer"] = request["insurer"]?.DeepClone(),
            ["insurance"] = new JsonArray(new JsonObject
            {
                ["coverage"] = coverage,
                ["inforce"] = inforce,
                ["item"] = inforce ? new JsonArray(DentalItem("F3", "Dental Coverage", 1500m, 50m)) : new JsonArray(),
            }),
        };
    }

    private static JsonObject DentalItem(string code, string display, decimal maximum, decimal deductible) => new()
    {
        ["category"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = BenefitCategory, ["code"] = code, ["display"] = display }),
        },
        ["network"] = Concept("in"),
        ["unit"] = Concept("individual"),
        ["term"] = Concept("annual"),
        ["benefit"] = new JsonArray(Money("benefit", maximum), Money("deductible", deductible)),
    };

    private static JsonObject Concept(string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["code"] = code }) };

    private static JsonObject Money(string type, decimal value) => new()
    {
        ["type"] = Concept(type),
        ["allowedMoney"] = new JsonObject { ["value"] = value, ["currency"] = "USD" },
    };
}
