using System.Collections.Concurrent;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;
using NpgsqlTypes;

namespace DentalClaimsHub.Storage;

// Large units of work (an 835 posting 10,000 payments: 20,000 timeline entries and outbox events) spend most of their save in
// EF's row-by-row INSERTs. Rows that are only ever appended are written instead by one binary COPY per table, after EF has
// saved everything else (their principals included) in the same transaction. The rows are built from EF's own model — column
// names, value converters, store types — so they are the rows EF would have written.
public sealed partial class HubDbContext
{
    // Below this many added rows of one table EF's batched INSERTs cost about as much as starting a COPY.
    internal const int CopyThreshold = 200;

    private static readonly Type[] AppendOnly = [typeof(ClaimTimelineEntry), typeof(ClaimPayment), typeof(OutboxMessage), typeof(WebhookDelivery)];

    private static readonly ConcurrentDictionary<IEntityType, CopyTable?> Tables = new();

    /// <summary>How many rows the last save wrote by COPY (tests read it).</summary>
    internal int LastCopiedRows { get; private set; }

    // Takes the added append-only rows out of EF's hands when there are enough of them and a transaction holds the save;
    // returns them per table in the order EF tracks them (identity columns such as the outbox sequence follow that order).
    private List<(CopyTable Table, List<EntityEntry> Rows)>? TakeBulkInserts()
    {
        LastCopiedRows = 0;
        if (Database.CurrentTransaction is null || !OnNpgsql)
        {
            return null;
        }

        List<(CopyTable, List<EntityEntry>)>? bulk = null;
        foreach (var type in AppendOnly)
        {
            var rows = ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Metadata.ClrType == type).ToList();
            if (rows.Count < CopyThreshold || Tables.GetOrAdd(rows[0].Metadata, CopyTable.For) is not { } table)
            {
                continue;
            }

            // Keyed by a client value: tracked as saved (a later save must not insert them again). Keyed by the table's
            // identity: nothing reaches them by navigation, so they leave the tracker, as written-only rows.
            foreach (var row in rows)
            {
                row.State = table.KeyIsStoreGenerated ? EntityState.Detached : EntityState.Unchanged;
            }

            (bulk ??= []).Add((table, rows));
        }

        return bulk;
    }

    private async Task CopyAsync(List<(CopyTable Table, List<EntityEntry> Rows)> bulk, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        foreach (var (table, rows) in bulk)
        {
            try
            {
                await using var copy = await connection.BeginBinaryImportAsync(table.Command, cancellationToken);
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(cancellationToken);
                    foreach (var column in table.Columns)
                    {
                        await column.WriteAsync(copy, row, cancellationToken);
                    }
                }

                await copy.CompleteAsync(cancellationToken);
            }
            catch (PostgresException exception)
            {
                // As EF reports a failed INSERT, so callers that look for a unique violation still find it.
                throw new DbUpdateException($"Writing {rows.Count} rows to {table.Name} failed.", exception, rows);
            }

            LastCopiedRows += rows.Count;
        }
    }

    private sealed record CopyTable(string Name, string Command, IReadOnlyList<CopyColumn> Columns, bool KeyIsStoreGenerated)
    {
        // Null when the type has a store-generated value other than an identity column (a default, a row version): COPY
        // could not give it back.
        public static CopyTable? For(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = new List<CopyColumn>();
            foreach (var property in type.GetProperties())
            {
                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    if (property.GetValueGenerationStrategy() is not (NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                        or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn))
                    {
                        return null;
                    }

                    continue;
                }

                columns.Add(CopyColumn.Of(property, table, entry => entry.Property(property).CurrentValue));
            }

            foreach (var complex in type.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    columns.Add(CopyColumn.Of(property, table, entry => entry.ComplexProperty(complex).CurrentValue is null
                        ? null
                        : entry.ComplexProperty(complex).Property(property).CurrentValue));
                }

                if (complex.ComplexType.GetComplexProperties().Any())
                {
                    return null;
                }
            }

            var name = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            var storeKey = type.FindPrimaryKey()!.Properties.Any(p => p.ValueGenerated != ValueGenerated.Never);
            return new CopyTable(table.Name, $"COPY {name} ({list}) FROM STDIN (FORMAT BINARY)", columns, storeKey);
        }
    }

    private sealed record CopyColumn(string Name, Func<EntityEntry, object?> Value, Func<object?, object?> ToProvider, NpgsqlDbType? Type,
        string StoreType)
    {
        public static CopyColumn Of(IProperty property, StoreObjectIdentifier table, Func<EntityEntry, object?> value)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            return new CopyColumn(property.GetColumnName(table)!, value,
                converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v),
                mapping is NpgsqlTypeMapping npgsql ? npgsql.NpgsqlDbType : null, mapping.StoreType);
        }

        public Task WriteAsync(NpgsqlBinaryImporter copy, EntityEntry entry, CancellationToken cancellationToken) =>
            ToProvider(Value(entry)) switch
            {
                null => copy.WriteNullAsync(cancellationToken),
                var v when Type is { } type => copy.WriteAsync(v, type, cancellationToken),
                var v => copy.WriteAsync(v, StoreType, cancellationToken),
            };
    }
}
