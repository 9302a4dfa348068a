using System.Text.Json.Nodes;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.PayerSimulator.Fhir;

namespace DentalClaimsHub.Api.Tests.Eligibility.Fhir;

/// <summary>Eligibility requests for a FHIR payer (see <see cref="EligibilityChecks"/>) and the resources the simulator received.</summary>
public static class FhirChecks
{
    public const string DemoPayer = "demo-fhir-dental";

    public static EligibilityRequest Request(string memberId, string payerId = DemoPayer, params string[] procedureCodes) =>
        EligibilityChecks.RequestFor(payerId, memberId, procedureCodes);

    /// <summary>The JSON bodies the simulator received on <paramref name="path"/> for <paramref name="memberId"/>, oldest first.</summary>
    public static IReadOnlyList<JsonObject> Received(
        PayerSimulator.PayerSimulator simulator, string memberId, string path = FhirModule.EligibilityPath) =>
        [.. simulator.Received(path)
            .Where(r => r.BodyText.Contains($"\"{memberId}\"", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.BodyText)!.AsObject())];
}
