namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// Keeps a console page from showing stale results. A page loads when it opens and again on every search, filter or
/// page change, and those loads overlap when the user acts before the first one is back. Each load's result is shown
/// only if no load started after it, so a slow first load cannot replace the user's search with the unfiltered list.
/// </summary>
/// <remarks>
/// One instance per component. A component's code runs on its renderer's context one piece at a time, so the counter
/// needs no lock.
/// </remarks>
public sealed class LatestLoad
{
    private long started;

    /// <summary>Runs <paramref name="load"/>; hands its result to <paramref name="show"/> unless a later load has started.</summary>
    /// <returns>Whether the result was shown.</returns>
    public async Task<bool> RunAsync<T>(Func<Task<T>> load, Func<T, Task> show)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(show);
        var mine = ++started;
        var result = await load();
        if (mine != started)
        {
            return false;
        }

        await show(result);
        return true;
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, Func{T, Task})"/>
    public Task<bool> RunAsync<T>(Func<Task<T>> load, Action<T> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        return RunAsync(load, result =>
        {
            show(result);
            return Task.CompletedTask;
        });
    }
}
