using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>
/// A small real SMTP server on loopback (RFC 5321 EHLO / MAIL / RCPT / DATA / QUIT, no TLS) that keeps every message
/// it accepts, so e-mail delivery is tested over a real SMTP conversation.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TestSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages accepted, as the raw RFC 5322 bytes, with their envelope recipients.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, byte[] Data)> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        async Task Say(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
        await Say("220 localhost test ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await Say("250-localhost");
                    await Say("250 8BITMIME");
                    break;
                case "HELO" or "NOOP" or "RSET":
                    recipients.Clear();
                    await Say("250 OK");
                    break;
                case "MAIL":
                    await Say("250 OK");
                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf('<') + 1)..line.LastIndexOf('>')]);
                    await Say("250 OK");
                    break;
                case "DATA":
                    await Say("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(([.. recipients], Encoding.Latin1.GetBytes(data.ToString())));
                    recipients.Clear();
                    await Say("250 OK queued");
                    break;
                case "QUIT":
                    await Say("221 Bye");
                    return;
                default:
                    await Say("502 Command not implemented");
                    break;
            }
        }
    }
}
