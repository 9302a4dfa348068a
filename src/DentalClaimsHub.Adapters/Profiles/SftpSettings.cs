namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The payer's SFTP drop for batch files (837s), from the profile's <c>sftp</c> section.</summary>
public sealed record SftpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    /// <summary>Directory the payer collects files from; uploads are written under a temporary name and renamed into it.</summary>
    public required string RemoteDirectory { get; init; }

    /// <summary>The server's host key fingerprint as <c>ssh-keygen -lf</c> prints it (<c>SHA256:…</c>): any other key is refused.</summary>
    public required string HostKeySha256 { get; init; }

    /// <summary>Name of the secret holding the login.</summary>
    public required string UsernameSecret { get; init; }

    /// <summary>Name of the secret holding a private key (OpenSSH PEM text); preferred over a password.</summary>
    public string? PrivateKeySecret { get; init; }

    /// <summary>Name of the secret holding the password, when the payer gives no key login.</summary>
    public string? PasswordSecret { get; init; }
}
