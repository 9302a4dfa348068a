using System.Collections.Concurrent;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace DentalClaimsHub.Storage;

// A unit of work that only adds a few rows (an eligibility answer: the check, its 270 and 271, the audit event) spends more in
// EF's save — change detection, command batching, SQL generation, a transaction's BEGIN and COMMIT round trips — than
// PostgreSQL spends storing it. Such a unit is written instead as one batch of INSERTs in one round trip: the statements
// before the batch's single Sync are one implicit transaction, so they are stored all together or not at all. Columns,
// converters and parameters come from EF's own model, so the rows are the rows EF would have written.
public sealed partial class HubDbContext
{
    // Rows whose save has side effects in SaveChangesAsync (claim events, webhook fan-out): never written around it.
    private static readonly Type[] SavedOnlyByEf = [typeof(ClaimTimelineEntry), typeof(OutboxMessage)];

    private static readonly ConcurrentDictionary<IEntityType, InsertStatement?> InsertStatements = new();

    private bool? _onNpgsql;

    // Database.IsNpgsql() reads the provider's assembly name anew on every call (an AssemblyName each time, on every write of
    // new rows); the provider of a context, pooled or not, never changes.
    private bool OnNpgsql => _onNpgsql ??= Database.IsNpgsql();

    /// <summary>
    /// Writes the rows this context has added in one round trip, as one transaction, and returns true; they are then tracked
    /// as saved, except rows keyed by an identity column, which leave the tracker (their key stays unread). Returns false, writing nothing, when the unit of work is not only new rows
    /// of plain tables (a change or deletion, an outbox or timeline row, a row referencing another new one, a transaction
    /// already open): <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> is then the way. With
    /// <paramref name="waitForFlush"/> false the commit does not wait for the WAL to reach the disk
    /// (<c>synchronous_commit = off</c> for this transaction only): a crash of PostgreSQL within the WAL writer's delay loses
    /// the rows, never corrupts them.
    /// </summary>
    public async Task<bool> TrySaveNewRowsAsync(bool waitForFlush, CancellationToken cancellationToken = default)
    {
        if (TakeNewRows(waitForFlush) is not { } rows)
        {
            return false;
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await WriteNewRowsAsync((NpgsqlConnection)Database.GetDbConnection(), [rows], cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }

        rows.Saved();
        return true;
    }

    /// <summary>
    /// The rows this context has added, with their values as of now, to be written by <see cref="NewRowsWriter"/> together
    /// with other units'; null when the unit of work is not only new rows of plain tables (see
    /// <see cref="TrySaveNewRowsAsync"/>), or holds none. Nothing is written and the rows stay added until
    /// <see cref="NewRows.Saved"/>.
    /// </summary>
    public NewRows? TakeNewRows(bool waitForFlush)
    {
        if (Database.CurrentTransaction is not null || !OnNpgsql)
        {
            return null;
        }

        if (AddedRows() is not { Count: > 0 } rows || ReferencesAnother(rows))
        {
            return null;
        }

        return new NewRows([.. rows.Select(r => new NewRow(r.Entry, r.Statement, r.Statement.Values(r.Entry)))], waitForFlush);
    }

    // Writes the units' rows in one round trip: the statements before the batch's single Sync are one implicit transaction, so
    // every row of every unit is stored or none is. A table's rows go in one INSERT … SELECT FROM unnest(…) with one array
    // parameter per column, whatever their number (UnnestInsert): one statement text per table for the auto-prepared
    // statements of a connection to keep.
    internal static async Task WriteNewRowsAsync(NpgsqlConnection connection, IReadOnlyList<NewRows> units,
        CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        if (!units.Any(u => u.WaitForFlush))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"));
        }

        foreach (var table in units.SelectMany(u => u.Rows).GroupBy(r => r.Statement))
        {
            batch.BatchCommands.Add(table.Key.Statement.Command([.. table]));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception)
        {
            // As EF reports a failed INSERT, so callers that look for a unique violation still find it.
            var entries = units.SelectMany(u => u.Rows).Select(r => r.Entry).ToList();
            throw new DbUpdateException($"Writing {entries.Count} new rows failed; none was stored.", exception, entries);
        }
    }

    // The added rows with their statements; null when the unit holds anything else. Change detection compares every
    // property of every tracked row (a tenth of the write's cost); an added row is written with its current values whatever
    // changed, so it runs only when rows loaded earlier are tracked too: one of them may have been changed since.
    private List<(EntityEntry Entry, InsertStatement Statement)>? AddedRows()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (detect && ChangeTracker.Entries().Any(e => e.State == EntityState.Unchanged))
            {
                ChangeTracker.DetectChanges();
            }

            var rows = new List<(EntityEntry Entry, InsertStatement Statement)>();
            foreach (var entry in ChangeTracker.Entries())
            {
                switch (entry.State)
                {
                    case EntityState.Unchanged or EntityState.Detached:
                        continue;
                    case EntityState.Added when InsertStatements.GetOrAdd(entry.Metadata, InsertStatement.For) is { } statement:
                        rows.Add((entry, statement));
                        continue;
                    default:
                        return null;
                }
            }

            return rows;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    // A new row pointing at another new row would need EF's ordering of the statements.
    // Compared through each type's set of possible principals, made once: walking the foreign keys for every unit was 1.5 %
    // of what an eligibility check allocated. Quadratic in the rows, which is right for a unit of one request's few rows
    // (TakeNewRows' only caller is the eligibility runner); a unit of thousands would want the distinct types first.
    private static bool ReferencesAnother(List<(EntityEntry Entry, InsertStatement Statement)> rows)
    {
        foreach (var (_, statement) in rows)
        {
            foreach (var (other, _) in rows)
            {
                if (statement.Principals.Contains(other.Metadata))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // One per entity type (compared by reference).
    internal sealed class InsertStatement(
        IReadOnlyList<IProperty> columns, UnnestInsert statement, bool keyIsStoreGenerated, IReadOnlySet<IEntityType> principals)
    {
        public IReadOnlyList<IProperty> Columns { get; } = columns;

        /// <summary>Every type a row's foreign keys can point at (each principal and the types derived from it).</summary>
        public IReadOnlySet<IEntityType> Principals { get; } = principals;

        /// <summary>The statement that writes any number of the table's rows.</summary>
        public UnnestInsert Statement { get; } = statement;

        public bool KeyIsStoreGenerated { get; } = keyIsStoreGenerated;

        // Null when the type cannot be written this way: a complex property, a store-generated value other than an identity
        // key, a column without an array form, or a row only SaveChangesAsync may write.
        public static InsertStatement? For(IEntityType type)
        {
            if (SavedOnlyByEf.Contains(type.ClrType) || type.GetComplexProperties().Any() || type.GetTableName() is not { } tableName)
            {
                return null;
            }

            var table = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties;
            var columns = new List<IProperty>();
            var generated = false;
            foreach (var property in type.GetProperties())
            {
                var byTheStore = property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                    or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;
                if (property.ValueGenerated == ValueGenerated.Never || (!byTheStore && property.GetDefaultValueSql() is null
                    && property.GetComputedColumnSql() is null && property.ValueGenerated == ValueGenerated.OnAdd))
                {
                    // A value given, or made by EF on the client when the row was added (a Guid key): written as EF writes it.
                    columns.Add(property);
                }
                else if (byTheStore && key is [var only] && only == property)
                {
                    generated = true;
                }
                else
                {
                    return null;
                }
            }

            var name = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
            return UnnestInsert.For(name, columns, [.. columns.Select(c => c.GetColumnName(table)!)]) is { } statement
                ? new InsertStatement(columns, statement, generated,
                    type.GetForeignKeys().SelectMany(fk => fk.PrincipalEntityType.GetDerivedTypesInclusive()).ToHashSet())
                : null;
        }

        public object?[] Values(EntityEntry entry)
        {
            var current = entry.CurrentValues;
            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = current[Columns[i]];
            }

            return values;
        }
    }
}

/// <summary>A row a unit of work added, with its values as they were taken.</summary>
internal sealed record NewRow(EntityEntry Entry, HubDbContext.InsertStatement Statement, object?[] Values);

/// <summary>
/// The rows one unit of work added (<see cref="HubDbContext.TakeNewRows"/>), to be written in one round trip, alone or with
/// other units' (<see cref="NewRowsWriter"/>).
/// </summary>
public sealed class NewRows
{
    internal NewRows(IReadOnlyList<NewRow> rows, bool waitForFlush) => (Rows, WaitForFlush) = (rows, waitForFlush);

    /// <summary>Whether the commit must wait for the WAL to reach the disk; when false it does not (<c>synchronous_commit = off</c>).</summary>
    public bool WaitForFlush { get; }

    internal IReadOnlyList<NewRow> Rows { get; }

    /// <summary>
    /// After the write, on the unit's own context: rows keyed by a client value are tracked as saved; rows keyed by the table's
    /// identity leave the tracker (nothing reaches them by navigation; their key was not read back).
    /// </summary>
    public void Saved()
    {
        foreach (var row in Rows)
        {
            row.Entry.State = row.Statement.KeyIsStoreGenerated ? EntityState.Detached : EntityState.Unchanged;
        }
    }
}
