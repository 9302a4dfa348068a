using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Load;

/// <summary>
/// What the hub adds as seen on the wire: tcpdump (named in <c>DCH_LOAD_TCPDUMP</c> by run.sh) records the loopback's
/// packets to and from the hub's API ports and the simulator's port, and each check's API exchange (its request's first
/// segment to its response's last) is paired with its own payer exchange by the check's id: the API answer carries it as
/// <c>"id"</c>, the 270 as its trace number (TRN02, the id's 32 hex digits). The difference is the hub's whole share of that
/// check, without the load generator's or the simulator's waits for a core (the client-side difference has both) and with
/// what the hub's own measure leaves out: the time before its middleware reads the request, after it writes the answer, and
/// between the payer's answer reaching the hub's socket and the hub reading it (a collection's pause, a wait for a core).
/// The kernel stamps each packet as it crosses the loopback, so the capture's own scheduling does not move the numbers.
/// </summary>
public sealed partial class WireCapture : IDisposable
{
    private readonly Process _process;
    private readonly string _file;
    private readonly bool _kept;
    private readonly Task<string> _errors;
    private readonly int[] _apiPorts;
    private readonly int _payerPort;

    private WireCapture(Process process, string file, bool kept, int[] apiPorts, int payerPort)
    {
        _process = process;
        _file = file;
        _kept = kept;
        _apiPorts = apiPorts;
        _payerPort = payerPort;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts recording; null when run.sh found no tcpdump.</summary>
    public static async Task<WireCapture?> StartAsync(IEnumerable<Uri> api, Uri payer, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("DCH_LOAD_TCPDUMP") is not { Length: > 0 } tcpdump || !File.Exists(tcpdump))
        {
            return null;
        }

        var apiPorts = api.Select(u => u.Port).Distinct().ToArray();
        // LOAD_PCAP=FILE keeps the capture for a closer look; otherwise it is removed once read.
        var kept = Environment.GetEnvironmentVariable("LOAD_PCAP") is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var file = kept ?? Path.Combine(Path.GetTempPath(), $"dch-load-{Environment.ProcessId}.pcap");
        var filter = string.Join(" or ", apiPorts.Append(payer.Port).Select(p => $"tcp port {p}"));
        // 4 KB of each segment holds the API answer's id and the 270's trace number; a 32 MB buffer so no packet is dropped.
        var start = new ProcessStartInfo(tcpdump, ["-i", "lo", "-n", "-s", "4096", "-B", "32768", "-w", file, filter])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var capture = new WireCapture(Process.Start(start) ?? throw new InvalidOperationException($"{tcpdump} did not start."),
            file, kept is not null, apiPorts, payer.Port);
        // tcpdump creates the file once its capture is open; what comes before that is not recorded.
        for (var waited = 0; waited < 50 && !capture._process.HasExited && !File.Exists(file); waited++)
        {
            await Task.Delay(100, ct);
        }

        return capture;
    }

    /// <summary>
    /// Stops recording and describes the checks whose API request reached the hub between <paramref name="from"/> and
    /// <paramref name="to"/>.
    /// </summary>
    public async Task<string> DescribeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (!_process.HasExited)
        {
            // SIGINT: tcpdump writes out what it holds and says how many packets the kernel dropped (a kill would lose both).
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync(ct);
        }

        await _process.WaitForExitAsync(ct);
        var errors = await _errors;
        if (!File.Exists(_file))
        {
            return $"capture failed (exit {_process.ExitCode}): {errors.Trim()}";
        }

        await using var stream = File.OpenRead(_file);
        var exchanges = Exchanges.Read(stream, _apiPorts, _payerPort);
        return Describe(exchanges, from, to) + Dropped(errors);
    }

    /// <summary>"p50 … / p90 … / p99 … / p99.9 … / max … ms (N of M checks paired; …)".</summary>
    public static string Describe(Exchanges exchanges, DateTimeOffset from, DateTimeOffset to)
    {
        var payer = new Dictionary<string, Exchange>(StringComparer.OrdinalIgnoreCase);
        foreach (var exchange in exchanges.Payer)
        {
            if (exchange.Key is { } key)
            {
                payer[key] = exchange;
            }
        }

        // Checks only: an API exchange whose answer carries no id is something else (the script's own /metrics readings).
        var inPhase = exchanges.Api.Where(e => e.Key is not null && e.RequestAt >= from && e.RequestAt < to).ToList();
        var added = new List<double>();
        var before = new List<double>();
        var after = new List<double>();
        foreach (var api in inPhase)
        {
            if (api.Key is { } key && payer.TryGetValue(key, out var call))
            {
                before.Add((call.RequestAt - api.RequestAt).TotalMilliseconds);
                after.Add((api.AnsweredAt - call.AnsweredAt).TotalMilliseconds);
                added.Add(api.Duration.TotalMilliseconds - call.Duration.TotalMilliseconds);
            }
        }

        if (added.Count == 0)
        {
            return $"no check paired ({inPhase.Count} API exchanges, {exchanges.Payer.Count} payer exchanges recorded)";
        }

        double[] total = [.. added.Order()];
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {LatencyStats.Rank(total, 0.5):0.0} / p90 {LatencyStats.Rank(total, 0.9):0.0} / "
            + $"p99 {LatencyStats.Rank(total, 0.99):0.0} / p99.9 {LatencyStats.Rank(total, 0.999):0.0} / max {total[^1]:0.0} ms ({total.Length} of {inPhase.Count} checks paired; "
            + $"p99 before the payer call {LatencyStats.Rank([.. before.Order()], 0.99):0.0} ms, "
            + $"after its answer {LatencyStats.Rank([.. after.Order()], 0.99):0.0} ms)");
    }

    // tcpdump ends with "N packets dropped by kernel": a capture that lost packets may have split or lost exchanges.
    private static string Dropped(string errors) =>
        DroppedLine().Match(errors) is { Success: true } match && match.Groups["count"].Value != "0"
            ? $"; {match.Groups["count"].Value} packets dropped by the kernel"
            : "";

    [GeneratedRegex(@"(?<count>\d+) packets? dropped by kernel")]
    private static partial Regex DroppedLine();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        if (!_kept)
        {
            File.Delete(_file);
        }
    }
}

/// <summary>One HTTP/1.1 request and its answer on one connection: the request's first segment to the answer's last.</summary>
/// <param name="Key">The check's id (32 hex digits) when the exchange carries one.</param>
public sealed record Exchange(DateTimeOffset RequestAt, DateTimeOffset AnsweredAt, string? Key)
{
    public TimeSpan Duration => AnsweredAt - RequestAt;
}

/// <summary>
/// The exchanges of a pcap file (Ethernet or Linux cooked capture, IPv4 and IPv6, TCP), split into the hub's API and the
/// payer's. A connection carries one request at a time (HTTP/1.1 keep-alive, no pipelining): a request begins with the
/// client's first segment after an answer, and its answer ends with the server's last segment before the next request.
/// </summary>
public sealed partial class Exchanges
{
    private const int LinkEthernet = 1;
    private const int LinkLinuxCooked = 113;
    private const int LinkLinuxCookedV2 = 276;

    public List<Exchange> Api { get; } = [];

    public List<Exchange> Payer { get; } = [];

    public static Exchanges Read(Stream pcap, IReadOnlyCollection<int> apiPorts, int payerPort)
    {
        var header = new byte[24];
        pcap.ReadExactly(header);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var (littleEndian, nanoseconds) = magic switch
        {
            0xa1b2c3d4 => (true, false),
            0xa1b23c4d => (true, true),
            0xd4c3b2a1 => (false, false),
            0x4d3cb2a1 => (false, true),
            _ => throw new InvalidDataException($"Not a pcap file (magic {magic:x8})."),
        };
        uint Read32(ReadOnlySpan<byte> bytes) =>
            littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var link = (int)(Read32(header.AsSpan(20)) & 0xffff);

        var result = new Exchanges();
        var connections = new Dictionary<(string Client, int ClientPort, int ServerPort), Connection>();
        var record = new byte[16];
        var data = new byte[65536 + 64];
        while (pcap.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) == record.Length)
        {
            var seconds = Read32(record);
            var fraction = Read32(record.AsSpan(4));
            var length = (int)Read32(record.AsSpan(8));
            pcap.ReadExactly(data, 0, length);
            var at = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds ? fraction / 100 : fraction * 10L);
            if (Segment(data.AsSpan(0, length), link) is not { } segment)
            {
                continue;
            }

            var fromClient = apiPorts.Contains(segment.DestinationPort) || segment.DestinationPort == payerPort;
            if (!fromClient && !apiPorts.Contains(segment.SourcePort) && segment.SourcePort != payerPort)
            {
                continue;
            }

            var id = fromClient ? (segment.Source, segment.SourcePort, segment.DestinationPort)
                : (segment.Destination, segment.DestinationPort, segment.SourcePort);
            if (!connections.TryGetValue(id, out var connection))
            {
                connection = new Connection(id.Item3 == payerPort ? result.Payer : result.Api, id.Item3 == payerPort);
                connections.Add(id, connection);
            }

            connection.Add(at, fromClient, data.AsSpan(segment.PayloadOffset, segment.PayloadLength));
        }

        foreach (var connection in connections.Values)
        {
            connection.Close();
        }

        return result;
    }

    // The TCP segment in a captured frame when it carries payload; null otherwise (an ACK, another protocol, a cut frame).
    private static TcpSegment? Segment(ReadOnlySpan<byte> frame, int link)
    {
        var (offset, etherType) = link switch
        {
            LinkEthernet when frame.Length >= 14 => (14, BinaryPrimitives.ReadUInt16BigEndian(frame[12..])),
            LinkLinuxCooked when frame.Length >= 16 => (16, BinaryPrimitives.ReadUInt16BigEndian(frame[14..])),
            LinkLinuxCookedV2 when frame.Length >= 20 => (20, BinaryPrimitives.ReadUInt16BigEndian(frame)),
            _ => (0, (ushort)0),
        };
        var ip = frame[offset..];
        int headerLength, totalLength;
        string source, destination;
        if (etherType == 0x0800 && ip.Length >= 20 && ip[9] == 6)
        {
            headerLength = (ip[0] & 0x0f) * 4;
            totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
            source = Convert.ToHexString(ip.Slice(12, 4));
            destination = Convert.ToHexString(ip.Slice(16, 4));
        }
        else if (etherType == 0x86dd && ip.Length >= 40 && ip[6] == 6)
        {
            headerLength = 40;
            totalLength = 40 + BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
            source = Convert.ToHexString(ip.Slice(8, 16));
            destination = Convert.ToHexString(ip.Slice(24, 16));
        }
        else
        {
            return null;
        }

        if (ip.Length < headerLength + 20)
        {
            return null;
        }

        var tcp = ip[headerLength..];
        var tcpHeaderLength = (tcp[12] >> 4) * 4;
        var payload = totalLength - headerLength - tcpHeaderLength;
        var payloadOffset = offset + headerLength + tcpHeaderLength;
        return payload <= 0 ? null : new TcpSegment(source, BinaryPrimitives.ReadUInt16BigEndian(tcp),
            destination, BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]), payloadOffset, Math.Min(payload, frame.Length - payloadOffset));
    }

    private readonly record struct TcpSegment(string Source, int SourcePort, string Destination, int DestinationPort,
        int PayloadOffset, int PayloadLength);

    // The API answer's first "id" is the check's; the payer request's 2000C/2000D TRN02 is our trace: the check's id.
    [GeneratedRegex("\"id\":\"(?<key>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"")]
    private static partial Regex AnswerId();

    [GeneratedRegex("TRN.1.(?<key>[0-9A-Fa-f]{32})")]
    private static partial Regex TraceNumber();

    private sealed class Connection(List<Exchange> into, bool payer)
    {
        private DateTimeOffset? _requestAt;
        private DateTimeOffset? _answeredAt;
        private string? _key;

        public void Add(DateTimeOffset at, bool fromClient, ReadOnlySpan<byte> payload)
        {
            if (fromClient)
            {
                if (_answeredAt is not null)
                {
                    Close();
                }

                _requestAt ??= at;
                if (payer)
                {
                    _key ??= Find(TraceNumber(), payload);
                }
            }
            else if (_requestAt is not null)
            {
                _answeredAt = at;
                if (!payer)
                {
                    _key ??= Find(AnswerId(), payload)?.Replace("-", "", StringComparison.Ordinal);
                }
            }
        }

        public void Close()
        {
            if (_requestAt is { } requestAt && _answeredAt is { } answeredAt)
            {
                into.Add(new Exchange(requestAt, answeredAt, _key));
            }

            (_requestAt, _answeredAt, _key) = (null, null, null);
        }

        private static string? Find(Regex pattern, ReadOnlySpan<byte> payload)
        {
            var text = Encoding.Latin1.GetString(payload);
            return pattern.Match(text) is { Success: true } match ? match.Groups["key"].Value : null;
        }
    }
}
