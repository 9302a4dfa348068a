using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Demo;

/// <summary>
/// The demo a new user starts from (<c>./hub run</c>): a practice with an API key and an insurer key per demo payer
/// profile. Keys are printed to the console once, when created; only their hashes are stored.
/// </summary>
public sealed class DemoSeeder(HubDbContext db, TenantContext tenant, PayerProfileCatalog payers, TimeProvider time)
{
    public static readonly Guid DemoPracticeId = Guid.Parse("0194e0a0-0000-7000-8000-00000000d0c1");

    /// <summary>The demo practice's billing address (fictional).</summary>
    public static readonly Address DemoAddress = new("410 Harbor Way", "Suite 200", "Long Beach", "CA", "90802", "US");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        tenant.UseSystem();
        var now = time.GetUtcNow();
        var printed = new List<string>();
        var existing = await db.Practices.SingleOrDefaultAsync(p => p.Id == DemoPracticeId, cancellationToken);
        if (existing is { Address: null })
        {
            existing.SetAddress(DemoAddress); // demo databases created before practices had billing addresses
        }

        if (existing is null)
        {
            var practice = Practice.Create("Harbor Dental Group (demo)", "US", "America/Los_Angeles", now,
                npi: Npi.Parse("1234567893"), taxId: "931234567", id: DemoPracticeId);
            practice.SetAddress(DemoAddress);
            db.Practices.Add(practice);
            var (plain, prefix, hash) = ApiKeySecret.Generate();
            db.ApiKeys.Add(ApiKey.ForPractice(practice.Id, "demo practice key", Scopes.Practice, hash, prefix, now));
            printed.Add($"  practice '{practice.Name}' ({practice.Id}) API key: {plain}");
        }

        foreach (var payer in payers.Profiles.Where(p => p.Id.StartsWith("demo-", StringComparison.Ordinal)))
        {
            if (!await db.ApiKeys.AnyAsync(k => k.PayerId == payer.Id, cancellationToken))
            {
                var (plain, prefix, hash) = ApiKeySecret.Generate();
                db.ApiKeys.Add(ApiKey.ForInsurer(payer.Id, $"{payer.Id} inbound key", Scopes.Insurer, hash, prefix, now));
                printed.Add($"  insurer '{payer.Id}' inbound API key: {plain}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (printed.Count > 0)
        {
            // Secrets go to the terminal of the person who ran ./hub run, never to the log pipeline.
            Console.WriteLine();
            Console.WriteLine("Demo data created. These keys are shown once; only their hashes are stored:");
            printed.ForEach(Console.WriteLine);
            Console.WriteLine();
        }
        else
        {
            Console.WriteLine("Demo data already present (its keys were printed when they were created; delete .data/pg to start over).");
        }
    }
}
