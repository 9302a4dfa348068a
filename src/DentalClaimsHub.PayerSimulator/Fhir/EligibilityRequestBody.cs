using System.Text.Json;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// The CoverageEligibilityRequest a client sent, alone (plain POST) or first in a collection Bundle (<c>$submit</c>), with
/// the member id found on the coverage reference's identifier or, in a Bundle, on the Coverage resource.
/// </summary>
internal sealed record EligibilityRequestBody(JsonObject Request, string? MemberId)
{
    /// <summary>The request, or the reason it cannot be answered (an OperationOutcome's diagnostics).</summary>
    public static (EligibilityRequestBody? Body, string? Problem) Parse(byte[] body, bool submit)
    {
        JsonObject? resource;
        try
        {
            resource = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException exception)
        {
            return (null, "Body is not JSON: " + exception.Message);
        }

        var entries = submit ? Entries(resource) : [];
        var request = submit ? entries.FirstOrDefault(e => TypeOf(e) == "CoverageEligibilityRequest") : resource;
        if (submit && TypeOf(resource) != "Bundle")
        {
            return (null, "$submit expects a Bundle whose first entry is a CoverageEligibilityRequest.");
        }

        if (TypeOf(request) != "CoverageEligibilityRequest")
        {
            return (null, "Expected a CoverageEligibilityRequest resource.");
        }

        if (request!["patient"] is null || request["insurer"] is null)
        {
            return (null, "CoverageEligibilityRequest.patient and .insurer are required.");
        }

        var memberId = Text(request["insurance"]?.AsArray().FirstOrDefault()?["coverage"]?["identifier"]?["value"])
            ?? entries.Where(e => TypeOf(e) == "Coverage")
                .Select(c => Text(c["identifier"]?.AsArray().FirstOrDefault()?["value"]) ?? Text(c["subscriberId"]))
                .FirstOrDefault()
            ?? Text(request["patient"]?["identifier"]?["value"]);
        return (new EligibilityRequestBody(request, memberId), null);
    }

    private static List<JsonObject> Entries(JsonObject? bundle) =>
        [.. (bundle?["entry"] as JsonArray ?? []).Select(e => e?["resource"]).OfType<JsonObject>()];

    private static string? TypeOf(JsonObject? resource) => Text(resource?["resourceType"]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
