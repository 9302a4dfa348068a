using System.Globalization;

namespace DentalClaimsHub.Load;

/// <summary>
/// CPU time (user + system) the hub, the simulator and PostgreSQL spent, read from Linux's <c>/proc</c>: divided by the
/// requests of a phase it is the CPU a request costs, which holds even when other work shares the machine and makes
/// latencies noisy. PostgreSQL is every process named <c>postgres</c> (its backends). The load generator's own CPU and
/// the whole machine's busy time (from <c>/proc/stat</c>) show whether the machine itself was the limit.
/// </summary>
public sealed record ProcessCpu(double HubMs, double PostgresMs, double SimulatorMs, double LoadMs, double MachineBusyMs, long AtTicks)
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on Linux

    /// <summary>Reads the processes named in <c>DCH_LOAD_HUB_PIDS</c> / <c>DCH_LOAD_SIMULATOR_PID</c> and all <c>postgres</c> processes.</summary>
    public static ProcessCpu? Read()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("DCH_LOAD_HUB_PIDS") is not { Length: > 0 } hubs)
        {
            return null;
        }

        var hub = hubs.Split(',', StringSplitOptions.RemoveEmptyEntries).Sum(p => Ticks(int.Parse(p, CultureInfo.InvariantCulture)));
        var simulator = Environment.GetEnvironmentVariable("DCH_LOAD_SIMULATOR_PID") is { Length: > 0 } sim
            ? Ticks(int.Parse(sim, CultureInfo.InvariantCulture)) : 0;
        var postgres = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Comm(pid) == "postgres")
            {
                postgres += Ticks(pid);
            }
        }

        return new ProcessCpu(hub * TickMs, postgres * TickMs, simulator * TickMs, Ticks(Environment.ProcessId) * TickMs,
            MachineBusyTicks() * TickMs, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    /// <summary>CPU per request between two readings, and how many of the machine's cores were busy meanwhile.</summary>
    public static string PerRequest(ProcessCpu? before, ProcessCpu? after, long requests)
    {
        if (before is null || after is null || requests == 0)
        {
            return "CPU per request: not measured (set DCH_LOAD_HUB_PIDS)";
        }

        var wallMs = System.Diagnostics.Stopwatch.GetElapsedTime(before.AtTicks, after.AtTicks).TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU per request: hub {(after.HubMs - before.HubMs) / requests:0.00} ms, PostgreSQL {(after.PostgresMs - before.PostgresMs) / requests:0.00} ms, "
            + $"simulator {(after.SimulatorMs - before.SimulatorMs) / requests:0.00} ms, load generator {(after.LoadMs - before.LoadMs) / requests:0.00} ms; "
            + $"machine busy {(after.MachineBusyMs - before.MachineBusyMs) / wallMs:0.00} of {Environment.ProcessorCount} cores");
    }

    // The first line of /proc/stat: time all CPUs spent in each state; busy is all but idle and iowait.
    private static long MachineBusyTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return fields.Take(8).Sum() - fields[3] - fields[4];
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the parenthesised command name.
    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
