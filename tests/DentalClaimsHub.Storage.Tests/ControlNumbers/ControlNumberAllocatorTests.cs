using DentalClaimsHub.Storage.ControlNumbers;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.Tests.ControlNumbers;

public sealed class ControlNumberAllocatorTests(StorageDatabase database) : IClassFixture<StorageDatabase>
{
    [Fact]
    public async Task Next_FirstCalls_CountFromOnePerPartnerAndScope()
    {
        await using var db = database.CreateContext();
        var allocator = new ControlNumberAllocator(db);

        Assert.Equal(1, await allocator.NextAsync("payer-a", "ISA"));
        Assert.Equal(2, await allocator.NextAsync("payer-a", "ISA"));
        Assert.Equal(1, await allocator.NextAsync("payer-a", "GS"));
        Assert.Equal(1, await allocator.NextAsync("payer-b", "ISA"));
    }

    [Fact]
    public async Task Next_ConcurrentCallersOnSeparateConnections_NeverIssueTheSameNumber()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = database.CreateContext();
            var allocator = new ControlNumberAllocator(db);
            var mine = new List<long>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add(await allocator.NextAsync("payer-concurrent", "ST"));
            }

            return mine;
        }));

        var all = numbers.SelectMany(n => n).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), all);
    }

    [Fact]
    public async Task Next_AtTheNineDigitMaximum_WrapsToOne()
    {
        await using var db = database.CreateContext();
        var allocator = new ControlNumberAllocator(db);
        await allocator.NextAsync("payer-wrap", "ISA");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE control_number_sequences SET last_value = {ControlNumberAllocator.MaxValue} WHERE trading_partner = 'payer-wrap'");

        Assert.Equal(1, await allocator.NextAsync("payer-wrap", "ISA"));
    }

    [Fact]
    public async Task Reserve_Blocks_AreConsecutiveAndFollowSingleNumbers()
    {
        await using var db = database.CreateContext();
        var allocator = new ControlNumberAllocator(db);

        var first = await allocator.ReserveAsync("payer-block", "ISA", 50);
        var single = await allocator.NextAsync("payer-block", "ISA");
        var second = await allocator.ReserveAsync("payer-block", "ISA", 10);

        Assert.Equal(new ControlNumberBlock(1, 50), first);
        Assert.Equal(51, single);
        Assert.Equal((52L, 61L), (second.First, second.Last));
    }

    [Fact]
    public async Task Reserve_BlockThatWouldPassTheMaximum_RestartsAtOne()
    {
        await using var db = database.CreateContext();
        var allocator = new ControlNumberAllocator(db);
        await allocator.NextAsync("payer-block-wrap", "ST");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE control_number_sequences SET last_value = {ControlNumberAllocator.MaxValue - 5} WHERE trading_partner = 'payer-block-wrap'");

        var block = await allocator.ReserveAsync("payer-block-wrap", "ST", 20);

        Assert.Equal(new ControlNumberBlock(1, 20), block);
    }
}
