using System.Security.Cryptography;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Keeps roster files encrypted at rest: the bytes go into <c>roster_import_chunks</c> 1 MiB at a time, each piece
/// protected with the hub's stored-file protector (ASP.NET Core Data Protection, keys shared by all instances through
/// the database), so neither storing nor reading a file of any size holds more than a piece in memory. Purging deletes the pieces and keeps the report.
/// </summary>
public sealed class RosterFileStore(IStoredFileProtector protector)
{
    public const int ChunkSize = 1 << 20;

    /// <summary>Encrypts <paramref name="content"/> into chunks of the import; returns size and SHA-256 (hex).</summary>
    public async Task<(long Size, string Sha256)> WriteAsync(HubDbContext db, Guid importId, Guid practiceId, Stream content, long maxBytes,
        CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        var sequence = 0;
        while (true)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                break;
            }

            size += read;
            if (size > maxBytes)
            {
                throw new RosterFileTooLargeException(maxBytes);
            }

            hash.AppendData(buffer, 0, read);
            db.RosterImportChunks.Add(new RosterImportChunk
            {
                ImportId = importId,
                PracticeId = practiceId,
                Sequence = sequence++,
                Protected = protector.Protect(buffer[..read]),
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (read < buffer.Length)
            {
                break;
            }
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Decrypts the stored file into a private temporary file deleted on close (readers need to seek in XLSX and ZIP).</summary>
    public async Task<FileStream> OpenAsync(HubDbContext db, Guid importId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dch-roster-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            var count = await db.RosterImportChunks.CountAsync(c => c.ImportId == importId, cancellationToken);
            if (count == 0)
            {
                throw new InvalidOperationException("The stored roster file is gone (purged).");
            }

            for (var sequence = 0; sequence < count; sequence++)
            {
                var piece = await db.RosterImportChunks.AsNoTracking().Where(c => c.ImportId == importId && c.Sequence == sequence)
                    .Select(c => c.Protected).SingleAsync(cancellationToken);
                await file.WriteAsync(protector.Unprotect(piece), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes the stored files whose retention has passed; returns how many.</summary>
    public static async Task<int> PurgeAsync(HubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.RosterImports.Where(i => i.PurgedAt == null && i.PurgeAfter <= now
                && (i.Status == RosterImportStatus.Completed || i.Status == RosterImportStatus.Failed))
            .OrderBy(i => i.PurgeAfter).Take(100).ToListAsync(cancellationToken);
        foreach (var import in due)
        {
            await db.RosterImportChunks.Where(c => c.ImportId == import.Id).ExecuteDeleteAsync(cancellationToken);
            import.MarkPurged(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>The upload is over the configured limit.</summary>
public sealed class RosterFileTooLargeException(long maxBytes) : Exception($"A roster file may be at most {maxBytes / (1 << 20)} MiB.")
{
    public long MaxBytes { get; } = maxBytes;
}
