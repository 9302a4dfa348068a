using System.Security.Cryptography;
using System.Text;
using DentalClaimsHub.Adapters.Profiles;
using Renci.SshNet;

namespace DentalClaimsHub.Adapters.Transports;

/// <summary>
/// Uploads one batch file to a payer's SFTP drop: host key pinned by fingerprint, key or password login from secrets,
/// written under a temporary name and renamed into place (POSIX rename overwrites), so the payer never picks up half a
/// file and a resend of the same file name replaces it instead of adding a second one.
/// </summary>
public sealed class SftpUpload(PayerSecrets secrets)
{
    public async Task<string> UploadAsync(PayerProfile payer, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(payer, cancellationToken);
        var directory = payer.Sftp!.RemoteDirectory.TrimEnd('/');
        var temporary = $"{directory}/.{fileName}.part";
        var final = $"{directory}/{fileName}";
        using (var stream = new MemoryStream(content, writable: false))
        {
            await client.UploadFileAsync(stream, temporary, cancellationToken);
        }

        client.RenameFile(temporary, final, isPosix: true);
        client.Disconnect();
        return final;
    }

    /// <summary>A connected client for the payer's SFTP server (host key checked against the pinned fingerprint).</summary>
    public async Task<SftpClient> ConnectAsync(PayerProfile payer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var sftp = payer.Sftp ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no sftp settings.");
        var username = secrets.Get(payer, sftp.UsernameSecret);
        AuthenticationMethod login = sftp.PrivateKeySecret is { } keySecret
            ? new PrivateKeyAuthenticationMethod(username, new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(secrets.Get(payer, keySecret)))))
            : new PasswordAuthenticationMethod(username, secrets.Get(payer, sftp.PasswordSecret!));
        var client = new SftpClient(new ConnectionInfo(sftp.Host, sftp.Port, username, login) { Timeout = TimeSpan.FromSeconds(30) });
        string? presented = null;
        client.HostKeyReceived += (_, e) =>
        {
            presented = "SHA256:" + Convert.ToBase64String(SHA256.HashData(e.HostKey)).TrimEnd('=');
            e.CanTrust = string.Equals(presented, sftp.HostKeySha256, StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (Renci.SshNet.Common.SshConnectionException) when (presented is not null && presented != sftp.HostKeySha256)
        {
            client.Dispose();
            throw new PayerResponseException(payer.Id, $"Payer '{payer.Id}': the SFTP server presented host key {presented}, not the pinned one.");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }
}
