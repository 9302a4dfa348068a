using System.Diagnostics;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Storage.Rosters;
using Npgsql;
using NpgsqlTypes;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// A clinic's first roster from an insurer (no membership of that clinic with that insurer yet, current or past): every
/// row is a new period, so the rows are copied (binary COPY) straight into <c>dms_memberships</c> — no stage, no diff, the
/// data written once. This is what <see cref="RosterApplier"/> would do against no memberships, provided the file names
/// nobody twice on one date and programme; when it does (<see cref="HasDuplicatesAsync"/>), the caller rolls the copy back
/// and takes the stage, which keeps the first of them.
/// </summary>
public static class RosterFirstImport
{
    /// <summary>Whether the clinic has ever held a membership with the insurer (then the diff applies).</summary>
    public static async Task<bool> HasMembershipsAsync(NpgsqlConnection connection, RosterImport import, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM dms_memberships WHERE practice_id = @practice AND payer_id = @payer)", connection);
        command.Parameters.AddWithValue("practice", import.PracticeId);
        command.Parameters.AddWithValue("payer", import.PayerId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Copies the readable rows in as memberships of the import; returns the problems of the others (in file order) and
    /// whether the file may repeat a person (then <see cref="HasDuplicatesAsync"/> tells for certain).
    /// </summary>
    public static async Task<(int Rows, List<RosterImportError> Errors, bool MaybeRepeated)> CopyAsync(NpgsqlConnection connection, IEnumerable<DmsRosterEntry> entries,
        RosterImport import, DateTimeOffset now, Action<int> progress, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long writing = 0;
        var rows = new RosterRows(progress);
        var repeats = new RosterRepeatFilter();
        var updatedAt = now.ToUniversalTime();
        var columns = RosterApplier.TermColumns.Replace("franchise,", "franchise_percent,", StringComparison.Ordinal);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY dms_memberships (practice_id, payer_id, contract_number, import_id, updated_at, {columns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            await foreach (var (_, member) in rows.ReadAsync(entries, cancellationToken))
            {
                var policyKey = member.PolicyKey;
                var nameKey = member.Name.NormalisedKey;
                repeats.Add(policyKey, nameKey, member.AttachedFrom, member.ProgramCode ?? member.ProgramName ?? "");
                var before = Stopwatch.GetTimestamp();
                copy.StartRow();
                copy.Write(import.PracticeId, NpgsqlDbType.Uuid);
                copy.Write(import.PayerId, NpgsqlDbType.Text);
                if (import.ContractNumber is { } contract)
                {
                    copy.Write(contract, NpgsqlDbType.Text);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(import.Id, NpgsqlDbType.Uuid);
                copy.Write(updatedAt, NpgsqlDbType.TimestampTz);
                RosterApplier.WriteTerms(copy, member, policyKey, nameKey);
                writing += Stopwatch.GetTimestamp() - before;
            }

            var completing = Stopwatch.GetTimestamp();
            await copy.CompleteAsync(cancellationToken);
            writing += Stopwatch.GetTimestamp() - completing;
        }

        progress(rows.Count);
        logger.LogDebug(
            "Roster first import: {Rows} rows read and copied into the memberships in {TotalMs} ms, of which {CopyMs} ms writing the COPY; repeats possible: {MaybeRepeated}",
            rows.Count, (long)clock.Elapsed.TotalMilliseconds, (long)Stopwatch.GetElapsedTime(0, writing).TotalMilliseconds, repeats.MaybeRepeated);
        return (rows.Count, rows.Errors, repeats.MaybeRepeated);
    }

    /// <summary>Whether the copy holds one person twice on one attachment date and programme (the stage keeps the first).</summary>
    public static async Task<bool> HasDuplicatesAsync(NpgsqlConnection connection, RosterImport import, CancellationToken cancellationToken)
    {
        // Sorting a million keys in the default 4 MB spills to disk; the setting ends with the transaction.
        await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection))
        {
            await memory.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM dms_memberships m WHERE m.practice_id = @practice AND m.payer_id = @payer
                           GROUP BY m.policy_key, m.name_key, m.attached_from, coalesce(m.program_code, m.program_name, '')
                           HAVING count(*) > 1)
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("practice", import.PracticeId);
        command.Parameters.AddWithValue("payer", import.PayerId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
