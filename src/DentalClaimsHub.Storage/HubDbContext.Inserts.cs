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

    private static readonly NpgsqlCommand ParameterFactory = new();

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
        if (Database.CurrentTransaction is not null || !Database.IsNpgsql())
        {
            return false;
        }

        if (NewRows() is not { } rows)
        {
            return false;
        }

        if (rows.Count == 0 || ReferencesAnother(rows))
        {
            return false;
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = ((NpgsqlConnection)Database.GetDbConnection()).CreateBatch();
            if (!waitForFlush)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"));
            }

            foreach (var (entry, statement) in rows)
            {
                batch.BatchCommands.Add(statement.Command(entry));
            }

            await WriteAsync(batch, rows, cancellationToken);

            // Keyed by a client value: tracked as saved. Keyed by the table's identity: nothing reaches them by navigation, so
            // they leave the tracker as written-only rows (as COPY's do).
            foreach (var (entry, statement) in rows)
            {
                entry.State = statement.KeyIsStoreGenerated ? EntityState.Detached : EntityState.Unchanged;
            }

            return true;
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    // The added rows with their statements; null when the unit holds anything else. Change detection compares every
    // property of every tracked row (a tenth of the write's cost); an added row is written with its current values whatever
    // changed, so it runs only when rows loaded earlier are tracked too: one of them may have been changed since.
    private List<(EntityEntry Entry, InsertStatement Statement)>? NewRows()
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

    private static async Task WriteAsync(NpgsqlBatch batch, List<(EntityEntry Entry, InsertStatement Statement)> rows,
        CancellationToken cancellationToken)
    {
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception)
        {
            // As EF reports a failed INSERT, so callers that look for a unique violation still find it.
            throw new DbUpdateException($"Writing {rows.Count} new rows failed; none was stored.", exception, [.. rows.Select(r => r.Entry)]);
        }
    }

    // A new row pointing at another new row would need EF's ordering of the statements.
    private static bool ReferencesAnother(List<(EntityEntry Entry, InsertStatement Statement)> rows)
    {
        var types = rows.Select(r => r.Entry.Metadata).ToHashSet();
        return types.Any(type => type.GetForeignKeys().Any(fk => types.Any(other => fk.PrincipalEntityType.IsAssignableFrom(other))));
    }

    private sealed record InsertStatement(string Sql, IReadOnlyList<IProperty> Columns, bool KeyIsStoreGenerated)
    {
        // Null when the type cannot be written this way: a complex property, a store-generated value other than an identity
        // key, or a row only SaveChangesAsync may write.
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
            var list = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
            var values = string.Join(", ", columns.Select((_, i) => $"${i + 1}"));
            return new InsertStatement($"INSERT INTO {name} ({list}) VALUES ({values})", columns, generated);
        }

        public NpgsqlBatchCommand Command(EntityEntry entry)
        {
            var command = new NpgsqlBatchCommand(Sql);
            var values = entry.CurrentValues;
            foreach (var column in Columns)
            {
                // EF's own parameter for the column: its converter applied, its store type set. Unnamed: positional ($n).
                var parameter = column.GetRelationalTypeMapping().CreateParameter(ParameterFactory, "", values[column], column.IsNullable);
                command.Parameters.Add((NpgsqlParameter)parameter);
            }

            return command;
        }
    }
}
