using System.Net;
using System.Net.Sockets;

namespace DentalClaimsHub.Adapters.Tests.Transports;

/// <summary>
/// A TCP front for a payer that resets its first <paramref name="resets"/> connections (RST, no HTTP answer: a transport
/// error, not a status) and relays every later one to <paramref name="target"/> byte for byte.
/// </summary>
public sealed class ResettingFront : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _resetsLeft;
    private int _connections;

    public ResettingFront(Uri target, int resets = 1)
    {
        _target = target;
        _resetsLeft = resets;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Connections accepted so far, reset ones included.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            if (Interlocked.Decrement(ref _resetsLeft) >= 0)
            {
                client.LingerState = new LingerOption(true, 0); // close with RST
                client.Close();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var upstream = new TcpClient();
        await using var downstream = new NetworkStream(client, ownsSocket: true);
        try
        {
            await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var payer = upstream.GetStream();
            await Task.WhenAny(downstream.CopyToAsync(payer, _stop.Token), payer.CopyToAsync(downstream, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // One side went away: the relay ends with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
