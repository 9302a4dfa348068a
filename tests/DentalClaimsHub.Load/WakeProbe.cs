using System.Diagnostics;
using System.Globalization;

namespace DentalClaimsHub.Load;

/// <summary>
/// The machine's own share of the tail: runs <c>wakeprobe</c> (<c>wakeprobe.c</c>, built by run.sh and named in
/// <c>DCH_LOAD_WAKE_PROBE</c>) beside a phase. It sleeps 1 ms over and over in a process of its own at the hub's priority
/// (the hub's nice value, read from <c>/proc</c>: the load program runs at a lower priority, which the probe would otherwise
/// inherit) and reports how late each wake-up came. A hub request waits for a core after each of its I/O completions (the API
/// request, the database, the payer), so wake-ups that come late under load put a floor under the hub's tail that the hub's code
/// can lower only by needing less CPU. Without a C compiler on the machine the probe is skipped.
/// </summary>
public sealed class WakeProbe : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private WakeProbe(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>Starts the probe for <paramref name="duration"/>; null when run.sh built none.</summary>
    public static WakeProbe? Start(TimeSpan duration)
    {
        if (Environment.GetEnvironmentVariable("DCH_LOAD_WAKE_PROBE") is not { Length: > 0 } path || !File.Exists(path))
        {
            return null;
        }

        var seconds = duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(path, HubNice() is { } nice ? $"{seconds} {nice}" : seconds)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return new WakeProbe(Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start."));
    }

    /// <summary>"p50 … / p99 … / p99.9 … / max … ms (N wake-ups at nice N)", or why there is none.</summary>
    public async Task<string> DescribeAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        var line = (await _output).Trim();
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Value(string name) => fields.SkipWhile(f => f != name).Skip(1).FirstOrDefault() ?? "?";
        return _process.ExitCode != 0 || fields.Length < 2
            ? $"probe failed (exit {_process.ExitCode}): {line}"
            : $"p50 {Value("p50")} / p99 {Value("p99")} / p99.9 {Value("p999")} / max {Value("max")} ms "
                + $"({fields[1]} wake-ups at nice {Value("nice")})";
    }

    // The first hub instance's nice value (DCH_LOAD_HUB_PIDS, set by run.sh): field 19 of /proc/PID/stat, counted after the
    // command name, which may itself hold spaces and parentheses.
    private static string? HubNice()
    {
        var pid = Environment.GetEnvironmentVariable("DCH_LOAD_HUB_PIDS")?.Split(',')[0];
        var stat = pid is { Length: > 0 } && File.Exists($"/proc/{pid}/stat") ? File.ReadAllText($"/proc/{pid}/stat") : null;
        var fields = stat?[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields is { Length: > 16 } ? fields[16] : null;
    }

    /// <summary>Runs the probe alone for <paramref name="duration"/> and describes it; null without a probe.</summary>
    public static async Task<string?> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        using var probe = Start(duration);
        return probe is null ? null : await probe.DescribeAsync(ct);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
