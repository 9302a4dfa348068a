using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>
/// OpenSSH's sshd (Debian's openssh-server, installed by <c>./hub test</c>) on a loopback port with its own host key,
/// key-only login for the current user and the internal SFTP server — a real SFTP drop for delivery tests.
/// </summary>
public sealed class TestSftpServer : IDisposable
{
    private readonly Process _sshd;

    public TestSftpServer()
    {
        if (!File.Exists("/usr/sbin/sshd"))
        {
            throw new InvalidOperationException("/usr/sbin/sshd is missing: install Debian's openssh-server (./hub test does it when run as root).");
        }

        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(DropDirectory);
        Directory.CreateDirectory(InboundDirectory);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(Root, "host_key"));
        Run("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-m", "PEM", "-N", "", "-f", Path.Combine(Root, "client_key"));
        File.Copy(Path.Combine(Root, "client_key.pub"), Path.Combine(Root, "authorized_keys"));
        HostKeySha256 = Run("ssh-keygen", "-lf", Path.Combine(Root, "host_key.pub")).Split(' ')[1];
        PrivateKey = File.ReadAllText(Path.Combine(Root, "client_key"));
        Port = FreePort();
        File.WriteAllText(Path.Combine(Root, "sshd_config"), $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Root}/host_key
            PidFile {Root}/sshd.pid
            AuthorizedKeysFile {Root}/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            AllowUsers {User}
            Subsystem sftp internal-sftp
            """);
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd"); // privilege separation directory
        }

        _sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", Path.Combine(Root, "sshd_config")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("sshd did not start.");
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();
        WaitListening();
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dch-sftp-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Where uploads land (the profile's remoteDirectory).</summary>
    public string DropDirectory => Path.Combine(Root, "drop");

    /// <summary>Where the simulated payer leaves files for the hub to collect over SFTP.</summary>
    public string InboundDirectory => Path.Combine(Root, "outbox");

    public int Port { get; }

    public string User { get; } = Environment.UserName;

    public string HostKeySha256 { get; }

    /// <summary>The client's private key (PEM) that the server accepts.</summary>
    public string PrivateKey { get; }

    public void Dispose()
    {
        if (!_sshd.HasExited)
        {
            _sshd.Kill(entireProcessTree: true);
            _sshd.WaitForExit(5000);
        }

        _sshd.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private void WaitListening()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_sshd.HasExited)
                {
                    throw new InvalidOperationException($"sshd exited with {_sshd.ExitCode}.");
                }

                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException("sshd did not listen.");
    }

    private static string Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {process.StandardError.ReadToEnd()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
