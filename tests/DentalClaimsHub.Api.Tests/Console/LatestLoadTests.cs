using DentalClaimsHub.Api.AdminConsole;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A page's opening load and the user's search overlap: whichever finishes last, the screen shows the search.
/// </summary>
public sealed class LatestLoadTests
{
    [Fact]
    public async Task AnEarlierLoadFinishingLast_IsNotShown()
    {
        var loads = new LatestLoad();
        var shown = new List<string>();
        var opening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var search = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = loads.RunAsync(() => opening.Task, shown.Add);
        var second = loads.RunAsync(() => search.Task, shown.Add);
        search.SetResult("filtered");
        Assert.True(await second);
        opening.SetResult("unfiltered");
        Assert.False(await first);

        Assert.Equal(["filtered"], shown);
    }

    [Fact]
    public async Task LoadsInTurn_AreEachShown_AndAnAsyncShowIsAwaited()
    {
        var loads = new LatestLoad();
        var shown = new List<int>();

        Assert.True(await loads.RunAsync(() => Task.FromResult(1), shown.Add));
        Assert.True(await loads.RunAsync(() => Task.FromResult(2), async value =>
        {
            await Task.Yield();
            shown.Add(value);
        }));

        Assert.Equal([1, 2], shown);
    }

    [Fact]
    public async Task AFailedLoad_ShowsNothing_AndTheNextLoadStillShows()
    {
        var loads = new LatestLoad();
        var shown = new List<int>();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => loads.RunAsync<int>(() => throw new InvalidOperationException("down"), shown.Add));
        Assert.True(await loads.RunAsync(() => Task.FromResult(3), shown.Add));

        Assert.Equal([3], shown);
    }
}
