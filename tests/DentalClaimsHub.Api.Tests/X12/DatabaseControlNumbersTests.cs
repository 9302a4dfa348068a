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
    public async Task Next_BlockHalfHandedOut_ReservesTheNextBlockBeforeItIsNeeded()
    {
        var options = Options.Create(new X12Options { ControlNumberBlockSize = 4 });
        var allocator = new DatabaseControlNumbers(factory.Services.GetRequiredService<IServiceScopeFactory>(), options);

        Assert.Equal(1, await allocator.NextAsync("partner-ahead", "ISA", CancellationToken.None));
        Assert.Equal(4, await LastReservedAsync("partner-ahead", "ISA"));
        Assert.Equal(2, await allocator.NextAsync("partner-ahead", "ISA", CancellationToken.None));

        // Two of the four are left: the next block is reserved in the background, while 3 and 4 are still to come.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await LastReservedAsync("partner-ahead", "ISA") != 8 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(8, await LastReservedAsync("partner-ahead", "ISA"));
        var rest = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            rest.Add(await allocator.NextAsync("partner-ahead", "ISA", CancellationToken.None));
        }

        // 3 and 4, then the block reserved ahead; one more block is being reserved ahead of 7.
        Assert.Equal([3, 4, 5, 6], rest);
    }

    [Fact]
    public async Task Next_ReservationAheadFails_TheCallerThatNeedsTheBlockFailsAndTheNextCallAsksAgain()
    {
        var options = Options.Create(new X12Options { ControlNumberBlockSize = 4 });
        var allocator = new DatabaseControlNumbers(factory.Services.GetRequiredService<IServiceScopeFactory>(), options);
        Assert.Equal(1, await allocator.NextAsync("partner-outage", "GS", CancellationToken.None));

        await TakeSequencesAwayAsync();
        try
        {
            // 2 leaves two numbers: the reservation ahead starts now, and fails. 3 and 4 still come from memory.
            Assert.Equal(2, await allocator.NextAsync("partner-outage", "GS", CancellationToken.None));
            Assert.Equal(3, await allocator.NextAsync("partner-outage", "GS", CancellationToken.None));
            Assert.Equal(4, await allocator.NextAsync("partner-outage", "GS", CancellationToken.None));
            await Assert.ThrowsAnyAsync<Exception>(() => allocator.NextAsync("partner-outage", "GS", CancellationToken.None));
        }
        finally
        {
            await BringSequencesBackAsync();
        }

        // The failed reservation is not kept: the database is asked again, and no number is issued twice.
        Assert.Equal(5, await allocator.NextAsync("partner-outage", "GS", CancellationToken.None));
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
        // Each instance uses 5 blocks of its own and may have reserved one more ahead: 12 blocks of 4 at most.
        Assert.All(drawn, n => Assert.InRange(n, 1, 48));
    }

    // The table out of the way and back: every reservation in between fails as it would with the database unreachable.
    private Task TakeSequencesAwayAsync() =>
        factory.InDatabaseAsync(db =>
            db.Database.ExecuteSqlRawAsync("ALTER TABLE control_number_sequences RENAME TO control_number_sequences_away"));

    private Task BringSequencesBackAsync() =>
        factory.InDatabaseAsync(db =>
            db.Database.ExecuteSqlRawAsync("ALTER TABLE control_number_sequences_away RENAME TO control_number_sequences"));

    private async Task<long> LastReservedAsync(string partner, string scope)
    {
        await using var services = factory.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = services.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.ControlNumberSequences.Where(s => s.TradingPartner == partner && s.Scope == scope).Select(s => s.LastValue).SingleAsync();
    }
}
