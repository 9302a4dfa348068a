using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Api.X12;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Tests.X12;

public sealed class SmallBlockFactory : HubApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hub:X12:ControlNumberBlockSize", "3")];
}

public sealed class DatabaseControlNumbersTests(SmallBlockFactory factory) : IClassFixture<SmallBlockFactory>
{
    [Fact]
    public async Task Next_OneInstance_CountsByOneAndReservesABlockPerThreeNumbers()
    {
        var allocator = factory.Services.GetRequiredService<IControlNumberAllocator>();

        var numbers = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add(await allocator.NextAsync("partner-one", "ISA", CancellationToken.None));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], numbers);
        Assert.Equal(9, await LastReservedAsync("partner-one", "ISA"));
    }

    [Fact]
    public async Task Next_TwoInstancesConcurrently_NeverIssueTheSameNumber()
    {
        var options = Options.Create(new X12Options { ControlNumberBlockSize = 4 });
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var instances = new[] { new DatabaseControlNumbers(scopes, options), new DatabaseControlNumbers(scopes, options) };

        var drawn = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            instances[i % 2].NextAsync("partner-shared", "ST", CancellationToken.None)));

        Assert.Equal(40, drawn.Distinct().Count());
        Assert.All(drawn, n => Assert.InRange(n, 1, 48));
    }

    private async Task<long> LastReservedAsync(string partner, string scope)
    {
        await using var services = factory.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = services.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.ControlNumberSequences.Where(s => s.TradingPartner == partner && s.Scope == scope).Select(s => s.LastValue).SingleAsync();
    }
}
