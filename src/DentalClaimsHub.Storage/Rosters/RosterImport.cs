using System.Text.Json.Serialization;

namespace DentalClaimsHub.Storage.Rosters;

/// <summary>Where a roster import stands.</summary>
public enum RosterImportStatus
{
    /// <summary>Stored, waiting for a worker.</summary>
    Queued = 1,

    /// <summary>A worker is reading and applying it.</summary>
    Running = 2,

    /// <summary>Applied; bad rows, if any, are in the report.</summary>
    Completed = 3,

    /// <summary>Nothing was applied: the file as a whole could not be read (see <see cref="RosterImport.Failure"/>).</summary>
    Failed = 4,
}

/// <summary>
/// One roster file an insurer sent to one clinic, and the job that applies it to the clinic's ДМС memberships: progress,
/// outcome counts and a line-numbered report of the rows that could not be used. The file itself is kept encrypted in
/// <see cref="RosterImportChunk"/> rows until <see cref="PurgeAfter"/>; a file with the same SHA-256 for the same clinic
/// and insurer is this import again, not a new one.
/// </summary>
public sealed class RosterImport
{
    /// <summary>How many row problems the report keeps; the count goes on past it.</summary>
    public const int MaxReportedErrors = 1000;

    private RosterImport()
    {
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string PayerId { get; private set; } = "";

    /// <summary>The file name as sent (it may carry the insurer's document number; not personal data).</summary>
    public string FileName { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>api, cli or drop.</summary>
    public string Source { get; private set; } = "";

    public RosterImportStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>attach, detach or full once read.</summary>
    public string? Kind { get; private set; }

    public string? Format { get; private set; }

    public string? Encoding { get; private set; }

    public string? DocumentNumber { get; private set; }

    public DateOnly? DocumentDate { get; private set; }

    public string? ContractNumber { get; private set; }

    public DateOnly? AsOf { get; private set; }

    public int RowsRead { get; private set; }

    /// <summary>How far into the stored file the reader is, for progress against <see cref="Size"/>.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Apply the good rows even when others have errors (never for a full list, where a bad row would detach its person).</summary>
    public bool AllowPartial { get; private set; }

    /// <summary>The password of a protected ZIP, itself protected with Data Protection; dropped when the import finishes.</summary>
    public string? ZipPassword { get; set; }

    public int Attached { get; private set; }

    public int Detached { get; private set; }

    public int Changed { get; private set; }

    public int Unchanged { get; private set; }

    public int Duplicates { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>The first <see cref="MaxReportedErrors"/> row problems.</summary>
    public List<RosterImportError> Errors { get; private set; } = [];

    /// <summary>Why nothing was applied, for a failed import.</summary>
    public string? Failure { get; private set; }

    /// <summary>The code of <see cref="Failure"/> and its values, for the console to word it per culture (null before codes).</summary>
    public string? FailureCode { get; private set; }

    public string[] FailureArgs { get; private set; } = [];

    public int? FailureRow { get; private set; }

    /// <summary>When the stored file is deleted.</summary>
    public DateTimeOffset PurgeAfter { get; private set; }

    public DateTimeOffset? PurgedAt { get; private set; }

    public static RosterImport Queue(Guid practiceId, string payerId, string fileName, string sha256, long size, string source,
        DateTimeOffset now, TimeSpan retention, bool allowPartial = false, Guid? id = null) => new()
    {
        AllowPartial = allowPartial,
        Id = id ?? Guid.CreateVersion7(),
        PracticeId = practiceId,
        PayerId = payerId,
        FileName = fileName.Length <= 255 ? fileName : fileName[..255],
        Sha256 = sha256,
        Size = size,
        Source = source,
        Status = RosterImportStatus.Queued,
        ReceivedAt = now,
        PurgeAfter = now + retention,
    };

    /// <summary>Records the stored file's size and hash once all of it is written.</summary>
    public void Stored(long size, string sha256)
    {
        Size = size;
        Sha256 = sha256;
    }

    /// <summary>Reads what the file says about itself once its header is found.</summary>
    public void Describe(string kind, string format, string? encoding, string? documentNumber, DateOnly? documentDate, string? contract,
        DateOnly? asOf)
    {
        Kind = kind;
        Format = format;
        Encoding = encoding;
        DocumentNumber = Trim(documentNumber, 80);
        DocumentDate = documentDate;
        ContractNumber = Trim(contract, 80);
        AsOf = asOf;
    }

    public void Complete(RosterImportOutcome outcome, IReadOnlyList<RosterImportError> errors, int errorCount, DateTimeOffset now)
    {
        RowsRead = outcome.RowsRead;
        BytesRead = Size;
        Attached = outcome.Attached;
        Detached = outcome.Detached;
        Changed = outcome.Changed;
        Unchanged = outcome.Unchanged;
        Duplicates = outcome.Duplicates;
        Errors = [.. errors.Take(MaxReportedErrors)];
        ErrorCount = errorCount;
        Status = RosterImportStatus.Completed;
        ZipPassword = null;
        FinishedAt = now;
        LeaseUntil = null;
    }

    public void Fail(string reason, int? row, IReadOnlyList<RosterImportError> errors, int rowsRead, DateTimeOffset now, string? code = null,
        IReadOnlyList<string>? args = null)
    {
        Failure = Trim(reason, 1000);
        FailureCode = code;
        FailureArgs = [.. args ?? []];
        FailureRow = row;
        Errors = [.. errors.Take(MaxReportedErrors)];
        ErrorCount = errors.Count;
        RowsRead = rowsRead;
        Status = RosterImportStatus.Failed;
        ZipPassword = null;
        FinishedAt = now;
        LeaseUntil = null;
    }

    public void MarkPurged(DateTimeOffset now) => PurgedAt = now;

    /// <summary>Queues a refused import again (the same file sent again, say with the right ZIP password or as partial).</summary>
    public void Requeue(string? protectedPassword, bool allowPartial, string source, DateTimeOffset now)
    {
        if (Status != RosterImportStatus.Failed)
        {
            throw new InvalidOperationException($"Only a failed import is queued again, not a {Status} one.");
        }

        Status = RosterImportStatus.Queued;
        ZipPassword = protectedPassword;
        AllowPartial = allowPartial;
        Source = source;
        Failure = null;
        FailureCode = null;
        FailureArgs = [];
        FailureRow = null;
        Errors = [];
        ErrorCount = 0;
        RowsRead = 0;
        BytesRead = 0;
        Attempts = 0;
        StartedAt = null;
        FinishedAt = null;
        ReceivedAt = now;
    }

    private static string? Trim(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}

/// <summary>A row that could not be used: where, which column, the cell as written (personal data — report only) and why.</summary>
/// <param name="Blocking">False for a notice that does not stop the file (a detachment of someone not attached).</param>
public sealed record RosterImportError(int Row, string Column, string? Value, string Reason, bool Blocking = true)
{
    /// <summary>The code of <see cref="Reason"/> and its values, for the console to word it per culture; null for rows stored
    /// before codes (and left out of the API, which shows the English).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Args { get; init; }
}

/// <summary>What applying a roster did.</summary>
public sealed record RosterImportOutcome(int RowsRead, int Attached, int Detached, int Changed, int Unchanged, int Duplicates);

/// <summary>One encrypted piece (≤ 1 MiB of plain bytes) of a stored roster file, in order.</summary>
public sealed class RosterImportChunk
{
    public Guid ImportId { get; set; }

    public Guid PracticeId { get; set; }

    public int Sequence { get; set; }

    public byte[] Protected { get; set; } = [];
}
