namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>
/// Where a payer that delivers files leaves them for us (<c>inbound</c> section): a local or mounted drop folder and/or a
/// folder on the payer's SFTP server (the <c>sftp</c> connection), looked at every <see cref="PollInterval"/>.
/// </summary>
public sealed record InboundFiles
{
    /// <summary>A local or mounted folder the payer writes into; taken files move to its <c>processed/</c> subfolder.</summary>
    public string? Directory { get; init; }

    /// <summary>A folder on the payer's SFTP server; taken files move to its <c>processed/</c> subfolder there.</summary>
    public string? SftpDirectory { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);
}
