using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Hosting;
using DentalClaimsHub.Api.Telemetry;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Rosters;
using DentalClaimsHub.Storage.Telemetry;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Runs queued roster imports: leases one (SKIP LOCKED, so instances share the queue), decrypts the stored file, reads it
/// with the insurer's mapping and applies it in one transaction — nothing is applied when the file cannot be read, nor
/// (unless the upload allowed a partial import of an attach or detach list) when any row has an error. Progress is written
/// as it goes. Expired files are purged between imports. Logs carry ids and counts only, never a cell.
/// </summary>
public sealed class RosterImportRunner(IServiceScopeFactory scopes, RosterImportSignal signal, IOptions<RosterOptions> options, TimeProvider time,
    ILogger<RosterImportRunner> logger) : BackgroundService
{
    private DateTimeOffset nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }

                await PurgeIfDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Roster import loop failed; retrying after the poll interval");
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Leases and runs one queued import; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        Guid? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var now = time.GetUtcNow();
            id = (await db.Database.SqlQuery<Guid>($"""
                UPDATE roster_imports SET status = 'Running', lease_until = {now + options.Value.Lease}, attempts = attempts + 1,
                    started_at = coalesce(started_at, {now})
                WHERE id = (SELECT id FROM roster_imports
                            WHERE status = 'Queued' OR (status = 'Running' AND lease_until < {now})
                            ORDER BY received_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken)).Cast<Guid?>().FirstOrDefault();
        }

        if (id is not { } importId)
        {
            return false;
        }

        using var activity = HubActivitySources.Rosters.StartRoot("roster import");
        activity?.SetTag("dch.roster.import_id", importId.ToString());
        await RunAsync(importId, cancellationToken);
        return true;
    }

    // The outcome on the import's span: applied, rejected (row errors) or failed (the file or the job).
    private static void Outcome(RosterImport import, string outcome, int? rows = null)
    {
        if (System.Diagnostics.Activity.Current is { } activity && activity.Source == HubActivitySources.Rosters)
        {
            activity.SetTag("payer.id", import.PayerId);
            activity.SetTag("dch.roster.outcome", outcome);
            if (rows is { } count)
            {
                activity.SetTag("dch.roster.rows", count);
            }

            if (outcome != "applied")
            {
                activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome);
            }
        }
    }

    private async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().UseSystem();
        var db = services.GetRequiredService<HubDbContext>();
        var import = await db.RosterImports.SingleAsync(i => i.Id == importId, cancellationToken);
        if (import.Attempts > 3)
        {
            Fail(import, RosterImportReasons.Of(RosterImportReasons.Interrupted), null, [], 0);
            Outcome(import, "failed");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var layout = RosterLayouts.Find(services.GetRequiredService<PayerProfileCatalog>(), services.GetRequiredService<DmsMappingCatalog>(), import.PayerId);
        if (layout is null)
        {
            Fail(import, RosterImportReasons.NoLayoutFor(import.PayerId), null, [], 0);
            Outcome(import, "failed");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var password = import.ZipPassword is { } protectedPassword
            ? services.GetRequiredService<IDataProtectionProvider>().CreateProtector(RosterImports.PasswordPurpose).Unprotect(protectedPassword)
            : null;
        var zone = await PracticeTime.ZoneAsync(db, import.PracticeId, cancellationToken);
        var today = PracticeTime.LocalDate(time.GetUtcNow(), zone);
        var opening = System.Diagnostics.Stopwatch.StartNew();
        await using var file = await services.GetRequiredService<RosterFileStore>().OpenAsync(db, import.Id, cancellationToken);
        logger.LogDebug("Roster import {ImportId}: the stored file was decrypted in {Ms} ms", import.Id, (long)opening.Elapsed.TotalMilliseconds);
        DmsRosterReader reader;
        try
        {
            reader = DmsRosterReader.Open(file, import.FileName, layout, password, fullListDate: today);
        }
        catch (DmsRosterException exception)
        {
            Fail(import, exception.Reason, exception.Row, [], 0);
            Outcome(import, "failed");
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Roster import {ImportId} failed: the file could not be read", import.Id);
            return;
        }

        using (reader)
        {
            var header = reader.Header;
            import.Describe(header.Kind.ToString().ToLowerInvariant(), header.Format.ToString().ToLowerInvariant(), header.Encoding,
                header.DocumentNumber, header.DocumentDate, header.Contract, header.AsOf);
            await db.SaveChangesAsync(cancellationToken);
            await ApplyAsync(db, import, reader, file, () =>
            {
                file.Position = 0;
                return DmsRosterReader.Open(file, import.FileName, layout, password, fullListDate: today);
            }, cancellationToken);
        }
    }

    private async Task ApplyAsync(HubDbContext db, RosterImport import, DmsRosterReader reader, FileStream file, Func<DmsRosterReader> reopen,
        CancellationToken cancellationToken)
    {
        var connectionString = db.Database.FullConnectionString();
        var progress = new ProgressWriter(connectionString, import.Id, file, time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        int rows;
        List<RosterImportError> errors;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var mixed = reader.Header.Kind == RosterKind.Mixed;
        // A mixed file is applied as its attachments, then (read again) its detachments; every row's problem is found in the first pass.
        IEnumerable<DmsRosterEntry> Attachments(DmsRosterReader from) =>
            mixed ? from.Entries().Where(e => e.Error is not null || e.Kind == RosterKind.Attach) : from.Entries();
        await RosterApplier.LockAsync(connection, import, cancellationToken);
        var first = reader.Header.Kind != RosterKind.Detach && !await RosterFirstImport.HasMembershipsAsync(connection, import, cancellationToken);
        var maybeRepeated = false;
        try
        {
            if (first)
            {
                await transaction.CreateSavepointAsync(FirstImportSavepoint, cancellationToken);
                (rows, errors, maybeRepeated) = await RosterFirstImport.CopyAsync(connection, Attachments(reader), import, time.GetUtcNow(), progress.Report, logger,
                    cancellationToken);
            }
            else
            {
                (rows, errors) = await RosterApplier.StageAsync(connection, Attachments(reader), progress.Report, logger, cancellationToken);
            }
        }
        catch (DmsRosterException exception)
        {
            await transaction.RollbackAsync(cancellationToken);
            Fail(import, exception.Reason, exception.Row, [], reader.LastRow);
            Outcome(import, "failed", reader.LastRow);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var kind = reader.Header.Kind;
        if (errors.Count > 0 && (!import.AllowPartial || kind == RosterKind.Full))
        {
            await transaction.RollbackAsync(cancellationToken);
            Fail(import, RosterImportReasons.RowsRejected(errors.Count, kind == RosterKind.Full && import.AllowPartial), errors[0].Row, errors, rows);
            Outcome(import, "rejected", rows);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Roster import {ImportId} rejected: {ErrorCount} of {Rows} rows have errors", import.Id, errors.Count, rows);
            return;
        }

        if (first && maybeRepeated && await RosterFirstImport.HasDuplicatesAsync(connection, import, cancellationToken))
        {
            // The file names someone twice on one date and programme: the stage decides which row counts, as for any later import.
            logger.LogDebug("Roster import {ImportId}: the first import repeats a person; staged instead", import.Id);
            await transaction.RollbackToSavepointAsync(FirstImportSavepoint, cancellationToken);
            first = false;
            using var again = reopen();
            (rows, _) = await RosterApplier.StageAsync(connection, Attachments(again), progress.Report, logger, cancellationToken);
        }

        var staged = clock.Elapsed;
        var (outcome, notices, noticeCount) = first
            ? (new RosterImportOutcome(rows, rows - errors.Count, 0, 0, 0, 0), [], 0)
            : await RosterApplier.ApplyAsync(connection, import, mixed ? RosterKind.Attach : kind, reader.Header.AsOf,
                reader.Header.Contract, rows, time.GetUtcNow(), logger, cancellationToken);
        if (mixed)
        {
            using var again = reopen();
            var (detachRows, _) = await RosterApplier.StageAsync(connection,
                again.Entries().Where(e => e.Error is null && e.Kind == RosterKind.Detach), progress.Report, logger, cancellationToken);
            var (detached, detachNotices, detachNoticeCount) = await RosterApplier.ApplyAsync(connection, import, RosterKind.Detach, reader.Header.AsOf,
                reader.Header.Contract, detachRows, time.GetUtcNow(), logger, cancellationToken);
            rows += detachRows;
            outcome = new RosterImportOutcome(rows, outcome.Attached + detached.Attached, outcome.Detached + detached.Detached,
                outcome.Changed + detached.Changed, outcome.Unchanged + detached.Unchanged, outcome.Duplicates + detached.Duplicates);
            notices.AddRange(detachNotices);
            noticeCount += detachNoticeCount;
        }

        var report = errors.Select(e => e with { Blocking = false }).Concat(notices).OrderBy(e => e.Row).ToList();
        import.Complete(outcome, report, errors.Count + noticeCount, time.GetUtcNow());
        Outcome(import, "applied", rows);
        await db.SaveChangesAsync(cancellationToken);
        var committing = System.Diagnostics.Stopwatch.StartNew();
        await transaction.CommitAsync(cancellationToken);
        logger.LogDebug("Roster import {ImportId}: commit took {Ms} ms", import.Id, (long)committing.Elapsed.TotalMilliseconds);
        logger.LogInformation(
            "Roster import {ImportId} applied: {Rows} rows, {Attached} attached, {Detached} detached, {Changed} changed, {Unchanged} unchanged, {Problems} problems; read and staged in {StageMs} ms, applied and committed in {ApplyMs} ms",
            import.Id, rows, outcome.Attached, outcome.Detached, outcome.Changed, outcome.Unchanged, errors.Count + noticeCount,
            (long)staged.TotalMilliseconds, (long)(clock.Elapsed - staged).TotalMilliseconds);
    }

    private void Fail(RosterImport import, DmsRosterReason reason, int? row, IReadOnlyList<RosterImportError> errors, int rowsRead) =>
        import.Fail(reason.Text, row, errors, rowsRead, time.GetUtcNow(), reason.Code, reason.Args);

    private const string FirstImportSavepoint = "roster_first_import";

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < nextPurge)
        {
            return;
        }

        nextPurge = now + TimeSpan.FromMinutes(10);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var purged = await RosterFileStore.PurgeAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), now, cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} roster files past their retention", purged);
        }
    }

    // Progress goes through its own connection: the import's transaction is not visible until it commits.
    private sealed class ProgressWriter(string connectionString, Guid importId, FileStream file, TimeProvider time)
    {
        private DateTimeOffset last = DateTimeOffset.MinValue;

        public void Report(int rows)
        {
            var now = time.GetUtcNow();
            if (now - last < TimeSpan.FromSeconds(1))
            {
                return;
            }

            last = now;
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("UPDATE roster_imports SET rows_read = @rows, bytes_read = @bytes WHERE id = @id", connection);
            command.Parameters.AddWithValue("rows", rows);
            command.Parameters.AddWithValue("bytes", Math.Min(file.Position, file.Length));
            command.Parameters.AddWithValue("id", importId);
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>Wakes the roster worker when an import is queued.</summary>
public sealed class RosterImportSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Finds an insurer's roster layout: its payer profile's <c>dms.registryMapping</c> in <c>mappings/dms</c>.</summary>
public static class RosterLayouts
{
    public static DmsRosterLayout? Find(PayerProfileCatalog payers, DmsMappingCatalog mappings, string payerId) =>
        payers.Find(payerId)?.Dms is { } dms ? mappings.Find(dms.RegistryMapping)?.Rosters : null;
}
