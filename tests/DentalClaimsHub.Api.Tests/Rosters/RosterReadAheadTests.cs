using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.Rosters;

namespace DentalClaimsHub.Api.Tests.Rosters;

public sealed class RosterReadAheadTests
{
    [Fact]
    public async Task Of_ManyBatches_YieldsEveryItemInOrder()
    {
        var items = new List<int>();
        await foreach (var item in RosterReadAhead.Of(Enumerable.Range(0, 100_003), CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 100_003), items);
    }

    [Fact]
    public async Task Of_AReaderThatThrows_RethrowsItsExceptionAfterTheRowsBefore()
    {
        var items = new List<int>();
        var thrown = await Assert.ThrowsAsync<DmsRosterException>(async () =>
        {
            await foreach (var item in RosterReadAhead.Of(Unreadable(), CancellationToken.None))
            {
                items.Add(item);
            }
        });

        Assert.Equal(("the file ends inside a quoted cell", 1001), (thrown.Message, thrown.Row));
        Assert.Equal(1000, items.Count);
    }

    [Fact]
    public async Task Of_AConsumerThatStops_StopsTheReader()
    {
        var read = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return Interlocked.Increment(ref read);
            }
        }

        await foreach (var item in RosterReadAhead.Of(Endless(), CancellationToken.None))
        {
            if (item == 10)
            {
                break;
            }
        }

        var stopped = Volatile.Read(ref read);
        await Task.Delay(100);
        Assert.Equal(stopped, Volatile.Read(ref read));
        Assert.True(stopped < 100_000, $"read {stopped}");
    }

    private static IEnumerable<int> Unreadable()
    {
        for (var i = 0; i < 1000; i++)
        {
            yield return i;
        }

        throw new DmsRosterException(DmsRosterReasons.Unreadable("the file ends inside a quoted cell"), 1001);
    }
}
