using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Storage.Rosters;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Applies a roster to a clinic's ДМС memberships in set-based SQL inside the caller's transaction: the rows are copied
/// (binary COPY) into a temporary stage, duplicates dropped, then
/// attach and full lists update a period with the same attachment date and programme when its terms differ, leave an
/// open period with the same terms alone, end the person's open periods with other terms where the new one starts (but
/// not a programme the file keeps unchanged), and add the rest; a full list also ends, on its date, the open periods of
/// everyone it no longer names, and the programmes it no longer names for a person (within its contract when it names
/// one); a detachment ends the periods open on its date — every programme's, or only its programme's when it names one —
/// and is reported — never invented — when nobody with that policy and ФИО is attached. A person may hold several
/// programmes on one date: a membership per programme. Applying the same file twice changes nothing the second time.
/// </summary>
public static class RosterApplier
{
    /// <summary>
    /// Holds, until the transaction ends, the clinic's roster of the insurer: two imports of it (on any instance) apply one
    /// after the other, each diffing against what the other committed.
    /// </summary>
    public static async Task LockAsync(NpgsqlConnection connection, RosterImport import, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('roster:' || @practice::text || '/' || @payer, 0))", connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.AddWithValue("practice", import.PracticeId);
        command.Parameters.AddWithValue("payer", import.PayerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Copies the readable rows into the stage; returns the problems of the others (in file order).</summary>
    public static async Task<(int Rows, List<RosterImportError> Errors)> StageAsync(NpgsqlConnection connection, IEnumerable<DmsRosterEntry> entries,
        Action<int> progress, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long writing = 0;
        await using (var create = new NpgsqlCommand(StageTable, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = new RosterRows(progress);
        await using (var copy = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken))
        {
            await foreach (var (row, member) in rows.ReadAsync(entries, cancellationToken))
            {
                var before = Stopwatch.GetTimestamp();
                Write(copy, row, member);
                writing += Stopwatch.GetTimestamp() - before;
            }

            var completing = Stopwatch.GetTimestamp();
            await copy.CompleteAsync(cancellationToken);
            writing += Stopwatch.GetTimestamp() - completing;
        }

        progress(rows.Count);
        logger.LogDebug("Roster stage: {Rows} rows in {TotalMs} ms, of which {CopyMs} ms writing the COPY", rows.Count, (long)clock.Elapsed.TotalMilliseconds,
            (long)Stopwatch.GetElapsedTime(0, writing).TotalMilliseconds);
        return (rows.Count, rows.Errors);
    }

    /// <summary>Applies the staged rows; returns the outcome and the notices (detachments of people not attached).</summary>
    public static async Task<(RosterImportOutcome Outcome, List<RosterImportError> Notices, int NoticeCount)> ApplyAsync(NpgsqlConnection connection,
        RosterImport import, RosterKind kind, DateOnly? asOf, string? contract, int rowsRead, DateTimeOffset now, ILogger logger,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            logger.LogDebug("Roster apply: {Phase} took {Ms} ms", name, (long)clock.Elapsed.TotalMilliseconds);
            clock.Restart();
        }

        var duplicates = await ExecuteAsync(connection, kind == RosterKind.Detach ? DedupDetach : DedupAttach, import, now, cancellationToken);
        Phase("dedup");
        await ExecuteAsync(connection, "CREATE INDEX ON roster_stage (policy_key, name_key); ANALYZE roster_stage;", import, now, cancellationToken);
        Phase("stage index");
        var detachedMissing = 0;
        if (kind == RosterKind.Detach)
        {
            await ExecuteAsync(connection, Detach, import, now, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, Attach, import, now, cancellationToken);
            if (kind == RosterKind.Full)
            {
                await using var missing = Command(connection, DetachMissing, import, now);
                missing.Parameters.AddWithValue("as_of", NpgsqlDbType.Date, (object?)asOf ?? throw new DomainException("A full list needs the date it speaks for."));
                missing.Parameters.AddWithValue("contract", NpgsqlDbType.Text, (object?)contract ?? DBNull.Value);
                detachedMissing = await missing.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        Phase(kind.ToString());

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // After an attach or full list a row without an outcome was added as a new period ('split' ones end an older period
        // first); after a detachment it found nobody to detach.
        var fresh = kind == RosterKind.Detach ? "missing" : "attached";
        await using (var count = new NpgsqlCommand(
            $"SELECT CASE WHEN outcome IS NULL THEN '{fresh}' WHEN outcome = 'split' THEN 'changed' ELSE outcome END, count(*)::int FROM roster_stage GROUP BY 1",
            connection))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var notices = new List<RosterImportError>();
        await using (var missing = Command(connection, MissingDetachments, import, now))
        await using (var reader = kind == RosterKind.Detach ? await missing.ExecuteReaderAsync(cancellationToken) : null)
        {
            while (reader is not null && await reader.ReadAsync(cancellationToken))
            {
                var reason = RosterImportReasons.Of(reader.GetBoolean(2) ? RosterImportReasons.DetachOtherPerson : RosterImportReasons.DetachUnknownPolicy);
                notices.Add(new RosterImportError(reader.GetInt32(0), "policy", reader.GetString(1), reason.Text, Blocking: false)
                {
                    Code = reason.Code, Args = reason.Args,
                });
            }
        }

        Phase("counts");
        var outcome = new RosterImportOutcome(rowsRead, counts.GetValueOrDefault("attached"), counts.GetValueOrDefault("detached") + detachedMissing,
            counts.GetValueOrDefault("changed"), counts.GetValueOrDefault("unchanged"), duplicates);
        return (outcome, notices, counts.GetValueOrDefault("missing"));
    }

    private static void Write(NpgsqlBinaryImporter copy, int row, RosterMember member)
    {
        copy.StartRow();
        copy.Write(row, NpgsqlDbType.Integer);
        WriteTerms(copy, member, member.PolicyKey, member.Name.NormalisedKey);
    }

    /// <summary>
    /// Writes a new membership's id and the member's terms, in the order of <see cref="TermColumns"/>. Synchronous writes:
    /// the importer buffers, and an await per field would cost more than the field.
    /// </summary>
    internal static void WriteTerms(NpgsqlBinaryImporter copy, RosterMember member, string policyKey, string nameKey)
    {
        copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        copy.Write(policyKey, NpgsqlDbType.Text);
        copy.Write(member.PolicyNumber.Trim(), NpgsqlDbType.Text);
        copy.Write(nameKey, NpgsqlDbType.Text);
        copy.Write(member.Name.Last, NpgsqlDbType.Text);
        copy.Write(member.Name.First, NpgsqlDbType.Text);
        Nullable(copy, member.Name.Middle);
        NullableDate(copy, member.BirthDate);
        copy.Write(member.Sex.ToString(), NpgsqlDbType.Text);
        Nullable(copy, member.ProgramCode);
        Nullable(copy, member.ProgramName);
        NullableNumber(copy, member.FranchisePercent);
        NullableNumber(copy, member.Limit);
        copy.Write(member.Exclusions as string[] ?? [.. member.Exclusions], NpgsqlDbType.Array | NpgsqlDbType.Text);
        Nullable(copy, member.Policyholder);
        Nullable(copy, member.Clinic);
        Nullable(copy, member.Phone);
        Nullable(copy, member.Address);
        NullableDate(copy, member.AttachedFrom);
        NullableDate(copy, member.DetachedFrom);
    }

    private static void Nullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void NullableNumber(NpgsqlBinaryImporter copy, decimal? value)
    {
        if (value is { } number)
        {
            copy.Write(number, NpgsqlDbType.Numeric);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void NullableDate(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } date)
        {
            copy.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, RosterImport import, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("practice", import.PracticeId);
        command.Parameters.AddWithValue("payer", import.PayerId);
        command.Parameters.AddWithValue("import", import.Id);
        command.Parameters.AddWithValue("contract_number", NpgsqlDbType.Text, (object?)import.ContractNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return command;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, RosterImport import, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, import, now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Dropped first: a mixed file stages its attachments and then its detachments in one transaction.
    private const string StageTable = """
        DROP TABLE IF EXISTS roster_stage;
        CREATE TEMP TABLE roster_stage (
            row_no int NOT NULL, id uuid NOT NULL, policy_key text NOT NULL, policy_number text NOT NULL, name_key text NOT NULL,
            last_name text NOT NULL, first_name text NOT NULL, middle_name text, birth_date date, sex text NOT NULL,
            program_code text, program_name text, franchise numeric(5,2), limit_amount numeric(12,2), exclusions text[] NOT NULL, policyholder text,
            clinic text, phone text, address text, attached_from date, detached_from date, outcome text
        ) ON COMMIT DROP
        """;

    /// <summary>The columns <see cref="WriteTerms"/> writes, as the stage names them (dms_memberships says franchise_percent).</summary>
    internal const string TermColumns = """
        id, policy_key, policy_number, name_key, last_name, first_name, middle_name, birth_date, sex,
            program_code, program_name, franchise, limit_amount, exclusions, policyholder, clinic, phone, address, attached_from, detached_from
        """;

    private const string CopyCommand = $"COPY roster_stage (row_no, {TermColumns}) FROM STDIN (FORMAT BINARY)";

    // The same person with the same period and programme twice in one file is one row: the first one counts. Two
    // programmes on one date are two memberships.
    private const string DedupAttach = """
        DELETE FROM roster_stage WHERE ctid IN (
            SELECT ctid FROM (SELECT ctid, row_number() OVER (
                                  PARTITION BY policy_key, name_key, attached_from, coalesce(program_code, program_name, '') ORDER BY row_no) AS n
                              FROM roster_stage) d WHERE d.n > 1)
        """;

    private const string DedupDetach = """
        DELETE FROM roster_stage WHERE ctid IN (
            SELECT ctid FROM (SELECT ctid, row_number() OVER (
                                  PARTITION BY policy_key, name_key, coalesce(program_code, program_name, '') ORDER BY row_no) AS n
                              FROM roster_stage) d WHERE d.n > 1)
        """;

    // A programme is its code, else its name; a list without programmes has one, ''.
    private const string SameProgramme = """
        coalesce(m.program_code, m.program_name, '') = coalesce(s.program_code, s.program_name, '')
        """;

    private const string SamePerson = """
        m.practice_id = @practice AND m.payer_id = @payer AND m.policy_key = s.policy_key AND m.name_key = s.name_key
        """;

    private const string Terms = """
        (m.policy_number, m.last_name, m.first_name, m.middle_name, m.birth_date, m.sex, m.program_code, m.program_name,
         m.franchise_percent, m.limit_amount, m.exclusions, m.contract_number, m.policyholder, m.clinic, m.phone, m.address, m.detached_from)
        IS NOT DISTINCT FROM
        (s.policy_number, s.last_name, s.first_name, s.middle_name, s.birth_date, s.sex, s.program_code, s.program_name,
         s.franchise, s.limit_amount, s.exclusions, @contract_number, s.policyholder, s.clinic, s.phone, s.address, s.detached_from)
        """;

    private const string SetTerms = """
        policy_number = s.policy_number, last_name = s.last_name, first_name = s.first_name, middle_name = s.middle_name,
        birth_date = s.birth_date, sex = s.sex, program_code = s.program_code, program_name = s.program_name,
        franchise_percent = s.franchise, limit_amount = s.limit_amount, exclusions = s.exclusions, contract_number = @contract_number, policyholder = s.policyholder,
        clinic = s.clinic, phone = s.phone, address = s.address, detached_from = s.detached_from, import_id = @import, updated_at = @now
        """;

    private const string Attach = $"""
        WITH same_date AS (
            SELECT s.row_no, m.id, ({Terms}) AS equal
            FROM roster_stage s JOIN dms_memberships m ON {SamePerson} AND m.attached_from IS NOT DISTINCT FROM s.attached_from
                AND {SameProgramme}),
        updated AS (
            UPDATE dms_memberships m SET {SetTerms}
            FROM roster_stage s, same_date d
            WHERE d.row_no = s.row_no AND d.id = m.id AND NOT d.equal
            RETURNING s.row_no)
        UPDATE roster_stage s SET outcome = CASE WHEN EXISTS (SELECT 1 FROM updated u WHERE u.row_no = s.row_no) THEN 'changed' ELSE 'unchanged' END
        FROM same_date d WHERE d.row_no = s.row_no;

        UPDATE roster_stage s SET outcome = 'unchanged'
        WHERE s.outcome IS NULL AND EXISTS (
            SELECT 1 FROM dms_memberships m WHERE {SamePerson} AND m.attached_from < s.attached_from
              AND (m.detached_from IS NULL OR m.detached_from > s.attached_from) AND {Terms});

        WITH ended AS (
            UPDATE dms_memberships m SET detached_from = s.attached_from, import_id = @import, updated_at = @now
            FROM roster_stage s
            WHERE s.outcome IS NULL AND {SamePerson} AND m.attached_from < s.attached_from
              AND (m.detached_from IS NULL OR m.detached_from > s.attached_from)
              AND NOT EXISTS (SELECT 1 FROM roster_stage k WHERE k.outcome = 'unchanged' AND k.policy_key = m.policy_key
                              AND k.name_key = m.name_key
                              AND coalesce(k.program_code, k.program_name, '') = coalesce(m.program_code, m.program_name, ''))
            RETURNING s.row_no)
        UPDATE roster_stage s SET outcome = 'split' FROM ended e WHERE e.row_no = s.row_no;

        INSERT INTO dms_memberships (id, practice_id, payer_id, policy_key, policy_number, name_key, last_name, first_name, middle_name,
            birth_date, sex, program_code, program_name, franchise_percent, limit_amount, exclusions, contract_number, policyholder, clinic,
            phone, address, attached_from, detached_from, import_id, updated_at)
        SELECT s.id, @practice, @payer, s.policy_key, s.policy_number, s.name_key, s.last_name, s.first_name, s.middle_name,
            s.birth_date, s.sex, s.program_code, s.program_name, s.franchise, s.limit_amount, s.exclusions, @contract_number, s.policyholder, s.clinic,
            s.phone, s.address, s.attached_from, s.detached_from, @import, @now
        FROM roster_stage s WHERE s.outcome IS NULL OR s.outcome = 'split';
        """;

    private const string DetachMissing = $"""
        UPDATE dms_memberships m SET detached_from = @as_of, import_id = @import, updated_at = @now
        WHERE m.practice_id = @practice AND m.payer_id = @payer AND (@contract::text IS NULL OR m.contract_number = @contract)
          AND (m.attached_from IS NULL OR m.attached_from < @as_of) AND (m.detached_from IS NULL OR m.detached_from > @as_of)
          AND NOT EXISTS (SELECT 1 FROM roster_stage s WHERE s.policy_key = m.policy_key AND s.name_key = m.name_key AND {SameProgramme})
        """;

    private const string Detach = $"""
        WITH ended AS (
            UPDATE dms_memberships m SET detached_from = s.detached_from, import_id = @import, updated_at = @now
            FROM roster_stage s
            WHERE {SamePerson} AND (m.attached_from IS NULL OR m.attached_from < s.detached_from)
              AND (m.detached_from IS NULL OR m.detached_from > s.detached_from)
              AND (coalesce(s.program_code, s.program_name) IS NULL OR {SameProgramme})
            RETURNING s.row_no)
        UPDATE roster_stage s SET outcome = 'detached' FROM ended e WHERE e.row_no = s.row_no;

        UPDATE roster_stage s SET outcome = 'unchanged'
        WHERE s.outcome IS NULL AND EXISTS (SELECT 1 FROM dms_memberships m WHERE {SamePerson} AND m.detached_from <= s.detached_from);
        """;

    private const string MissingDetachments = """
        SELECT s.row_no, s.policy_number,
               EXISTS (SELECT 1 FROM dms_memberships m WHERE m.practice_id = @practice AND m.payer_id = @payer AND m.policy_key = s.policy_key)
        FROM roster_stage s WHERE s.outcome IS NULL ORDER BY s.row_no LIMIT 1000
        """;
}
