using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Load;

/// <summary>A practice with an API key (written to the database) and patients with coverage (created through the API).</summary>
public static class HubSeed
{
    public static async Task<string> CreatePracticeKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = DateTimeOffset.UtcNow;
        var key = AddPracticeWithKey(db, $"Load Test Dental {now:HHmmss}", "load test key", now);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Adds a US practice (valid NPI, tax id and address) and an API key for it to <paramref name="db"/>; returns the key.</summary>
    public static string AddPracticeWithKey(HubDbContext db, string name, string keyLabel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var practice = Practice.Create(name, "US", "America/Chicago", now, npi: Npi.Parse("1234567893"), taxId: "741234567",
            id: Guid.CreateVersion7(now));
        practice.SetAddress(new Domain.Patients.Address("1200 Shore Dr", null, "Chicago", "IL", "60601", "US"));
        db.Practices.Add(practice);
        var (plain, prefix, hash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForPractice(practice.Id, keyLabel, Scopes.Practice, hash, prefix, now));
        return plain;
    }

    /// <summary>Creates <paramref name="count"/> patients, each with a coverage at <paramref name="payerId"/>; returns their ids.</summary>
    public static async Task<IReadOnlyList<(Guid Patient, Guid Coverage)>> CreatePatientsAsync(HttpClient hub, string apiKey, string payerId,
        int count, CancellationToken cancellationToken)
    {
        hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var created = new List<(Guid, Guid)>(count);
        for (var i = 0; i < count; i++)
        {
            var patient = await PostAsync(hub, "/v1/patients", new JsonObject
            {
                ["name"] = new JsonObject { ["last"] = "Loadtest", ["first"] = "Patient" + i },
                ["birthDate"] = "1980-01-01",
                ["sex"] = i % 2 == 0 ? "female" : "male",
            }, cancellationToken);
            var coverage = await PostAsync(hub, $"/v1/patients/{patient}/coverages", new JsonObject
            {
                ["payerId"] = payerId,
                ["memberId"] = $"LOAD{i:D6}",
                ["groupNumber"] = "GRP-LOAD",
                ["order"] = "primary",
                ["relationship"] = "self",
                ["validFrom"] = "2026-01-01",
            }, cancellationToken);
            created.Add((patient, coverage));
        }

        return created;
    }

    private static async Task<Guid> PostAsync(HttpClient hub, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await hub.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
