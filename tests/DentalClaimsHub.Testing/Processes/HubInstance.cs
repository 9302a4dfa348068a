using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DentalClaimsHub.Testing.Processes;

/// <summary>
/// One hub API instance as an OS process (the Release build), so it can be killed with SIGKILL and started again on the
/// same port. Its output is kept in memory (the last lines are printed when something goes wrong). With
/// <paramref name="throughLauncher"/> it starts through the <c>dch-hub</c> script beside the DLL, as <c>./hub run</c> and
/// the container image start it.
/// </summary>
public sealed class HubInstance(string name, string apiDll, int port, IReadOnlyDictionary<string, string> environment,
    bool throughLauncher = false) : IDisposable
{
    private readonly Queue<string> _tail = new();
    private Process? _process;

    public string Name { get; } = name;

    public Uri Url { get; } = new($"http://127.0.0.1:{port}");

    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        var bin = Path.GetDirectoryName(apiDll)!;
        var start = new ProcessStartInfo(throughLauncher ? "bash" : "dotnet")
        {
            ArgumentList =
            {
                throughLauncher ? Path.Combine(bin, "dch-hub") : apiDll, "--urls", Url.ToString().TrimEnd('/'), "--contentRoot", bin,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited while starting:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash or the OOM killer does.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The process's last lines of output.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    /// <summary>
    /// What a hub process needs to start in Production on <paramref name="connectionString"/>: a fresh key-ring master
    /// key, the repository's mappings and X12 schemas, no demo data, the demo X12 payer's credentials, and warnings and
    /// above in its output. Callers add their own settings.
    /// </summary>
    public static Dictionary<string, string> ProductionEnvironment(string connectionString, string x12User) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Hub"] = connectionString,
        ["DCH_KEYRING_MASTER_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Hub__MappingsPath"] = RepositoryPaths.Mappings,
        ["Hub__SchemasPath"] = Path.Combine(RepositoryPaths.Schemas, "x12"),
        ["Hub__SeedDemo"] = "false",
        ["DEMO_X12_USER"] = x12User,
        ["DEMO_X12_PASSWORD"] = "not-a-real-password",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line.Length > 500 ? line[..500] : line);
            while (_tail.Count > 60)
            {
                _tail.Dequeue();
            }
        }
    }

    public override string ToString() => new StringBuilder().Append(Name).Append(" (").Append(Url).Append(')').ToString();
}
