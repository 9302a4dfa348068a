using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.Fhir;

namespace DentalClaimsHub.Api.Tests.Eligibility.Fhir;

/// <summary>Eligibility requests for a FHIR payer, each with a member id of its own so simulator rules and caches never meet.</summary>
public static class FhirChecks
{
    public const string DemoPayer = "demo-fhir-dental";
    public const string ProviderNpi = "1234567893";
    public static readonly DateOnly Visit = new(2026, 6, 15);

    /// <summary>A fresh member id starting with <paramref name="prefix"/>.</summary>
    public static string Member(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static EligibilityRequest Request(string memberId, string payerId = DemoPayer, params string[] procedureCodes) => new()
    {
        Patient = TestData.NewPatientRequest(),
        Coverage = TestData.NewCoverageRequest(payerId) with { MemberId = memberId },
        Provider = new ProviderRequest { Npi = ProviderNpi, LastName = "Okafor", FirstName = "Grace", TaxonomyCode = "1223G0001X" },
        DateOfService = Visit,
        ProcedureCodes = procedureCodes.Length > 0 ? procedureCodes : null,
    };

    public static async Task<(HttpResponseMessage Response, EligibilityResponse Check)> PostAsync(
        HttpClient client, EligibilityRequest request)
    {
        var response = await client.PostAsJsonAsync("/v1/eligibility", request);
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var check = await response.Content.ReadFromJsonAsync<EligibilityResponse>()
            ?? throw new Xunit.Sdk.XunitException($"No body ({(int)response.StatusCode}).");
        return (response, check);
    }

    /// <summary>The JSON bodies the simulator received on <paramref name="path"/> for <paramref name="memberId"/>, oldest first.</summary>
    public static IReadOnlyList<JsonObject> Received(
        PayerSimulator.PayerSimulator simulator, string memberId, string path = FhirModule.EligibilityPath) =>
        [.. simulator.Received(path)
            .Where(r => r.BodyText.Contains($"\"{memberId}\"", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.BodyText)!.AsObject())];
}
