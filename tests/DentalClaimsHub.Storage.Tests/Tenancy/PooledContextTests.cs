using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests.Tenancy;

/// <summary>
/// Contexts are pooled and re-used across scopes: a lease must see its own scope's tenant, never the tenant of the scope
/// that used the same instance before, and an instance nobody bound sees nothing.
/// </summary>
public sealed class PooledContextTests(StorageDatabase database) : IClassFixture<StorageDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private IHost _host = null!;
    private Guid _practiceA;
    private Guid _practiceB;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Hub"] = database.ConnectionString;
        builder.AddHubStorage();
        _host = builder.Build();

        await using var db = database.CreateContext();
        var a = Practice.Create("Pool Practice A", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var b = Practice.Create("Pool Practice B", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        db.Practices.AddRange(a, b);
        db.Patients.Add(Patient.Create(a.Id, new PersonName("Alpha", "Ann"), new DateOnly(1980, 1, 2), Sex.Female, Now));
        db.Patients.Add(Patient.Create(b.Id, new PersonName("Beta", "Bob"), new DateOnly(1981, 3, 4), Sex.Male, Now));
        await db.SaveChangesAsync();
        (_practiceA, _practiceB) = (a.Id, b.Id);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ScopesThatReuseOneInstance_EachSeeOnlyTheirOwnTenant()
    {
        HubDbContext? first = null;
        foreach (var (practice, expected) in new[] { (_practiceA, "Alpha"), (_practiceB, "Beta"), (_practiceA, "Alpha") })
        {
            await using var scope = _host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UsePractice(practice);
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            first ??= db;

            var names = await db.Patients.Where(p => p.PracticeId == _practiceA || p.PracticeId == _practiceB)
                .Select(p => p.Name.Last).ToListAsync();

            Assert.Equal([expected], names);
        }

        // The pool handed the same instance to the later scopes; that is what makes the binding matter.
        await using (var again = _host.Services.CreateAsyncScope())
        {
            Assert.Same(first, again.ServiceProvider.GetRequiredService<HubDbContext>());
        }
    }

    [Fact]
    public async Task AnInstanceLeasedWithoutABinding_SeesNoTenantsRows()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            Assert.True(await scope.ServiceProvider.GetRequiredService<HubDbContext>().Patients.AnyAsync());
        }

        // Straight from the factory, skipping the scope's binding: the instance the system scope returned sees nothing.
        await using var unbound = await _host.Services.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContextAsync();

        Assert.False(await unbound.Patients.AnyAsync());
    }
}
