using System.Diagnostics;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Postgres;
using DentalClaimsHub.Testing.Processes;
using Xunit.Abstractions;

namespace DentalClaimsHub.Api.Tests.Hosting;

/// <summary>
/// The <c>dch-hub</c> launcher (beside the hub's DLL in its build output): the gen0 budget it gives the runtime, split over
/// the GC's heaps, and a hub started through it that the runtime really runs with that budget.
/// </summary>
public sealed class HubLauncherTests(ITestOutputHelper output)
{
    private static string Launcher => Path.Combine(Path.GetDirectoryName(RepositoryPaths.HubApiDll)!, "dch-hub");

    [Theory]
    [InlineData("DOTNET_PROCESSOR_COUNT=2", "DOTNET_GCgen0size=0x10000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=8", "DOTNET_GCgen0size=0x4000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=2 DCH_GC_GEN0_BUDGET_MB=256", "DOTNET_GCgen0size=0x8000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=2 DCH_GC_GEN0_BUDGET_MB=0512", "DOTNET_GCgen0size=0x10000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=8 DOTNET_GCHeapCount=0x4", "DOTNET_GCgen0size=0x8000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=2 DOTNET_GCHeapCount=0", "DOTNET_GCgen0size=0x10000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=8 DOTNET_gcServer=0", "DOTNET_GCgen0size=0x20000000")]
    [InlineData("DOTNET_PROCESSOR_COUNT=2 DOTNET_GCgen0size=0x6000000", "")]
    [InlineData("DOTNET_PROCESSOR_COUNT=2 DCH_GC_GEN0_BUDGET_MB=0", "")]
    public async Task PrintGcEnv_IsTheBudgetSplitOverTheHeaps_UnlessSetAlreadyOrTurnedOff(string environment, string expected)
    {
        var (exitCode, stdout, stderr) = await RunLauncherAsync(environment, "--print-gc-env");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(expected, stdout.Trim());
    }

    [Theory]
    [InlineData("DCH_GC_GEN0_BUDGET_MB=lots", "DCH_GC_GEN0_BUDGET_MB is a number of megabytes")]
    [InlineData("DCH_GC_GEN0_BUDGET_MB=70000", "more than 64 GB")]
    [InlineData("DOTNET_PROCESSOR_COUNT=two", "DOTNET_PROCESSOR_COUNT is not a number")]
    [InlineData("DOTNET_GCHeapCount=zz", "DOTNET_GCHeapCount is not a hexadecimal number")]
    public async Task BadSetting_StopsWithItsName_BeforeTheHubStarts(string environment, string message)
    {
        var (exitCode, stdout, stderr) = await RunLauncherAsync(environment, "--urls", "http://127.0.0.1:1");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task HubStartedThroughTheLauncher_RunsWithItsGen0Budget()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(HubLauncherTests));
        var environment = HubInstance.ProductionEnvironment(database.ConnectionString, "launcher-test");
        environment["DOTNET_PROCESSOR_COUNT"] = "2";
        environment["Serilog__MinimumLevel__Override__DentalClaimsHub.Api.Hosting.GarbageCollectorLog"] = "Information";
        using var hub = new HubInstance("hub", RepositoryPaths.HubApiDll, HubInstance.FreePort(), environment, throughLauncher: true);
        try
        {
            hub.Start();
            await hub.WaitReadyAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

            // 512 MB split over two heaps: 256 MB each, which also lifts the runtime's largest budget (200 MB) to 256 MB.
            var line = Assert.Single(hub.Tail().Split('\n'), l => l.Contains("Garbage collector:", StringComparison.Ordinal));
            Assert.Contains("server, 2 heaps, dynamic adaptation off", line, StringComparison.Ordinal);
            Assert.Contains("at least 0x10000000 (DOTNET_GCgen0size), at most 256 MB", line, StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(hub.Tail());
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunLauncherAsync(string environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Launcher);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own GC settings must not leak into the launcher's reading.
        foreach (var name in new[] { "DOTNET_GCgen0size", "DOTNET_GCHeapCount", "DOTNET_gcServer", "DOTNET_PROCESSOR_COUNT", "DCH_GC_GEN0_BUDGET_MB" })
        {
            start.Environment.Remove(name);
        }

        foreach (var pair in environment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var nameAndValue = pair.Split('=', 2);
            start.Environment[nameAndValue[0]] = nameAndValue[1];
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
