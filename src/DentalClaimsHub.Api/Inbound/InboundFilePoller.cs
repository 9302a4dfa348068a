using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Storage.Telemetry;
using Renci.SshNet.Sftp;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// Picks up the files payers deliver instead of pushing (profile section <c>inbound</c>): every <c>pollInterval</c> it
/// takes each file in the payer's drop folder and/or SFTP folder, hands it to <see cref="InboundX12Ingestor"/> (stored
/// raw, deduplicated, applied, flagged when not understood) and only then moves it to <c>processed/</c> — a crash in
/// between leaves the file to be taken again, and the ingestor's deduplication makes that harmless. Files still being
/// written (changed in the last few seconds, or named <c>.*</c> / <c>*.part</c>) are left for the next pass.
/// </summary>
public sealed partial class InboundFilePoller(IServiceScopeFactory scopes, PayerProfileCatalog payers, SftpUpload sftp, TimeProvider time,
    ILogger<InboundFilePoller> logger) : BackgroundService
{
    public const string Processed = "processed";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watched = payers.Profiles.Where(p => p.Inbound is not null).ToList();
        if (watched.Count == 0)
        {
            return;
        }

        var due = watched.ToDictionary(p => p.Id, _ => DateTimeOffset.MinValue);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var payer in watched.Where(p => due[p.Id] <= time.GetUtcNow()))
            {
                try
                {
                    await PollAsync(payer, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPollFailed(logger, payer.Id, ex);
                }

                due[payer.Id] = time.GetUtcNow() + payer.Inbound!.PollInterval;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, watched.Min(p => p.Inbound!.PollInterval.TotalMilliseconds))), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes every settled file the payer left; returns how many were ingested.</summary>
    public async Task<int> PollAsync(PayerProfile payer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var taken = 0;
        if (payer.Inbound?.Directory is { } directory && Directory.Exists(directory))
        {
            var done = Directory.CreateDirectory(Path.Combine(directory, Processed)).FullName;
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles().Where(f => Settled(f.Name, f.LastWriteTimeUtc)).OrderBy(f => f.LastWriteTimeUtc))
            {
                await IngestAsync(payer, await File.ReadAllBytesAsync(file.FullName, cancellationToken), "file-drop", cancellationToken);
                file.MoveTo(Path.Combine(done, Stamped(file.Name)), overwrite: true);
                taken++;
            }
        }

        if (payer.Inbound?.SftpDirectory is { } remote)
        {
            using var client = await sftp.ConnectAsync(payer, cancellationToken);
            var folder = remote.TrimEnd('/');
            var done = $"{folder}/{Processed}";
            if (!client.Exists(done))
            {
                client.CreateDirectory(done);
            }

            var files = new List<ISftpFile>();
            await foreach (var entry in client.ListDirectoryAsync(folder, cancellationToken))
            {
                if (entry.IsRegularFile && Settled(entry.Name, entry.LastWriteTimeUtc))
                {
                    files.Add(entry);
                }
            }

            foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
            {
                using var content = new MemoryStream();
                await client.DownloadFileAsync(file.FullName, content, cancellationToken);
                await IngestAsync(payer, content.ToArray(), "sftp", cancellationToken);
                client.RenameFile(file.FullName, $"{done}/{Stamped(file.Name)}", isPosix: true);
                taken++;
            }

            client.Disconnect();
        }

        return taken;
    }

    private bool Settled(string name, DateTime lastWriteUtc) =>
        !name.StartsWith('.') && !name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        && time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(lastWriteUtc, DateTimeKind.Utc)) >= Settle;

    private string Stamped(string name) => $"{time.GetUtcNow():yyyyMMddTHHmmss}-{name}";

    private async Task IngestAsync(PayerProfile payer, byte[] content, string source, CancellationToken cancellationToken)
    {
        if (content.Length == 0 || content.Length > InboundX12Ingestor.MaxBytes)
        {
            LogSkipped(logger, payer.Id, source, content.Length);
        }

        // Each file is a trace of its own: what it changes (claim states, their outbox events) follows from it.
        using var activity = HubActivitySources.Inbound.StartRoot("inbound file");
        activity?.SetTag("payer.id", payer.Id);
        activity?.SetTag("dch.inbound.source", source);
        activity?.SetTag("dch.inbound.bytes", content.Length);
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InboundX12Ingestor>().IngestAsync(payer.Id, content, source, cancellationToken);
        activity?.SetTag("dch.message.id", result.MessageId.ToString());
        activity?.SetTag("dch.message.type", result.TransactionType);
        activity?.SetTag("dch.inbound.duplicate", result.Duplicate);
        activity?.SetTag("dch.claim.count", result.ClaimsUpdated);
        LogTaken(logger, payer.Id, source, result.MessageId, result.TransactionType, result.Duplicate);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound file pickup for {PayerId} failed")]
    private static partial void LogPollFailed(ILogger logger, string payerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound file from {PayerId} via {Source} has {Length} bytes: kept as received for review")]
    private static partial void LogSkipped(ILogger logger, string payerId, string source, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took {TransactionType} file {MessageId} from {PayerId} via {Source} (duplicate {Duplicate})")]
    private static partial void LogTaken(ILogger logger, string payerId, string source, Guid messageId, string transactionType, bool duplicate);
}
