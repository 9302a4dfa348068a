using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Api.Tests.Eligibility.X12;

/// <summary>Eligibility requests for an X12 payer, each with a member id of its own so simulator rules and caches never meet.</summary>
public static class X12Checks
{
    public const string DemoPayer = "demo-x12-dental";
    public const string ProviderNpi = "1234567893";
    public static readonly DateOnly Visit = new(2026, 6, 15);

    /// <summary>A fresh member id starting with <paramref name="prefix"/> (upper case: X12 text is upper case).</summary>
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

    /// <summary>The 270 envelopes the simulator received for <paramref name="memberId"/>, oldest first.</summary>
    public static IReadOnlyList<string> Received(PayerSimulator.PayerSimulator simulator, string memberId) =>
        [.. simulator.Received(CoreRealtimeModule.Path).Select(r => r.BodyText)
            .Where(body => body.Contains(MemberRef(memberId), StringComparison.Ordinal))];

    /// <summary>How the 270 names the member: 2100C NM1 NM108 MI, NM109 the id.</summary>
    public static string MemberRef(string memberId) => $"*MI*{memberId}";
}
