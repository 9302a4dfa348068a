namespace DentalClaimsHub.Api.Hosting;

/// <summary>
/// Logs once at start-up how the runtime set up the garbage collector: server or workstation, its heaps, whether it adapts
/// to the application's size (DATAS) and the gen0 budget. The smallest gen0 budget can only come from the environment
/// (<c>DOTNET_GCgen0size</c>, which the <c>dch-hub</c> launcher sets), so this line shows whether a hub started some other
/// way runs without it. The largest budget is the runtime's own reading: it rises to the smallest one when that is higher.
/// </summary>
public sealed partial class GarbageCollectorLog(ILogger<GarbageCollectorLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = GC.GetConfigurationVariables();
        var server = settings.TryGetValue("ServerGC", out var serverGc) && serverGc is true;
        var heaps = server && settings.TryGetValue("HeapCount", out var count) ? Convert.ToInt64(count) : 1;
        var adaptation = settings.TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode) == 1 ? "on" : "off";
        var largest = settings.TryGetValue("GCGen0MaxBudget", out var budget) ? Convert.ToInt64(budget) / (1024 * 1024) : 0;
        var smallest = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } gen0Size
            ? $"{gen0Size} (DOTNET_GCgen0size)"
            : "the runtime's own";
        Started(logger, server ? "server" : "workstation", heaps == 1 ? "1 heap" : $"{heaps} heaps", adaptation, smallest, largest);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Garbage collector: {Kind}, {Heaps}, dynamic adaptation {Adaptation}; gen0 budget per heap at least "
            + "{SmallestGen0Budget}, at most {LargestGen0BudgetMb} MB")]
    private static partial void Started(ILogger logger, string kind, string heaps, string adaptation, string smallestGen0Budget,
        long largestGen0BudgetMb);
}
