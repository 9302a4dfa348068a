using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// Eligibility requests for any payer, each with a member id of its own so simulator rules and caches never meet.
/// The protocol classes (<c>X12Checks</c>, <c>FhirChecks</c>) add their demo payer and what their simulator received.
/// </summary>
public static class EligibilityChecks
{
    public const string ProviderNpi = "1234567893";
    public static readonly DateOnly Visit = new(2026, 6, 15);

    /// <summary>A fresh member id starting with <paramref name="prefix"/> (upper case: X12 text is upper case).</summary>
    public static string Member(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static EligibilityRequest RequestFor(string payerId, string memberId, params string[] procedureCodes) => new()
    {
        Patient = TestData.NewPatientRequest(),
        Coverage = TestData.NewCoverageRequest(payerId) with { MemberId = memberId },
        Provider = new ProviderRequest { Npi = ProviderNpi, LastName = "Okafor", FirstName = "Grace", TaxonomyCode = "1223G0001X" },
        DateOfService = Visit,
        ProcedureCodes = procedureCodes.Length > 0 ? procedureCodes : null,
    };

    /// <summary>The failed check's reason as stored beside its English: the code and the values it names.</summary>
    public static async Task<(string? Code, string[] Args)> StoredReasonAsync(HubApiFactory factory, Guid checkId)
    {
        var stored = await factory.InDatabaseAsync(db => db.EligibilityChecks.AsNoTracking().Where(c => c.Id == checkId)
            .Select(c => new { c.FailureReasonCode, c.FailureReasonArgs }).SingleAsync());
        return (stored.FailureReasonCode, stored.FailureReasonArgs);
    }

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
}
