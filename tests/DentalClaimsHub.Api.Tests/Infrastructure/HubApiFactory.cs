using System.Net.Http.Headers;
using DentalClaimsHub.Api;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>
/// The real API host over a fresh PostgreSQL database for one test class (migrated at start-up, dropped after).
/// </summary>
public class HubApiFactory : WebApplicationFactory<HubApiAssembly>, IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>The key-ring master key every test host uses (the tests' own, never a real one).</summary>
    public const string MasterKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public LogCapture Logs { get; } = new();

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Extra configuration for a derived factory.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(GetType().Name);
        _ = Services; // starts the host: migrations run now
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Hub", ConnectionString);
        builder.UseSetting("Hub:SeedDemo", "false");
        builder.UseSetting("Hub:MappingsPath", RepositoryPaths.Mappings);
        builder.UseSetting("Hub:Variables:SIMULATOR_URL", "http://127.0.0.1:9");
        builder.UseSetting("Hub:KeyRing:MasterKey", MasterKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    /// <summary>Creates a practice with an API key carrying <paramref name="scopes"/> (all practice scopes by default).</summary>
    public async Task<TestPractice> CreatePracticeAsync(string name = "Test Dental", params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = DateTimeOffset.UtcNow;
        var practice = TestData.Practice(name, now);
        db.Add(practice);
        var (plain, prefix, hash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForPractice(practice.Id, $"{name} key", scopes.Length > 0 ? scopes : Scopes.Practice, hash, prefix, now));
        await db.SaveChangesAsync();
        return new TestPractice(practice.Id, plain, CreateClient(plain));
    }

    /// <summary>A client with an insurer key for <paramref name="payerId"/> (scope inbound).</summary>
    public async Task<HttpClient> CreateInsurerClientAsync(string payerId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var (plain, prefix, hash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForInsurer(payerId, $"{payerId} test key", Scopes.Insurer, hash, prefix, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return CreateClient(plain);
    }

    /// <summary>
    /// Reads the database as the system (no tenant filter): what no API key can see. Eligibility answers the hub has given
    /// are written first (the hub answers before it writes them).
    /// </summary>
    public async Task<T> InDatabaseAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await Services.GetRequiredService<UnstoredAnswers>().AllWrittenAsync(CancellationToken.None);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>A posted remittance of one unmatched payment for <paramref name="practiceId"/>, straight into the database.</summary>
    public async Task<Guid> AddRemittanceAsync(Guid practiceId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var payment = new Domain.Remittances.ClaimPayment
        {
            PatientControlNumber = "UNMATCHED-1", Status = Domain.Remittances.ClaimPaymentStatus.ProcessedAsPrimary,
            Charge = Domain.Values.Money.Usd(100m), Paid = Domain.Values.Money.Usd(100m),
        };
        var remittance = Domain.Remittances.Remittance.Create("demo-x12-dental",
            new Domain.Remittances.PaymentInfo(Domain.Remittances.PaymentMethod.Check, Domain.Values.Money.Usd(100m), null, "CHK-" + Guid.NewGuid().ToString("N")[..8]),
            [payment], DateTimeOffset.UtcNow, practiceId: practiceId);
        remittance.MarkPosted(DateTimeOffset.UtcNow);
        db.Remittances.Add(remittance);
        await db.SaveChangesAsync();
        return remittance.Id;
    }

    /// <summary>Changes a practice directly in the database (tests about missing registration data).</summary>
    public async Task UpdatePracticeAsync(Guid practiceId, Action<Domain.Practices.Practice> change)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        change(await db.Practices.SingleAsync(p => p.Id == practiceId));
        await db.SaveChangesAsync();
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await DisposeDependenciesAsync();
    }

    /// <summary>Stops what a derived factory started next to the host (a payer simulator, say), after the host is gone.</summary>
    protected virtual ValueTask DisposeDependenciesAsync() => ValueTask.CompletedTask;
}

public sealed record TestPractice(Guid Id, string ApiKey, HttpClient Client);
