using DentalClaimsHub.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;
using NpgsqlTypes;

namespace DentalClaimsHub.Storage;

// Posting a large 835 changes thousands of claims the same way (state, updated_at, payer claim number). EF sends one UPDATE per
// claim; here one UPDATE … FROM unnest(…) per set of changed columns does it, with the same optimistic check (the row version
// PostgreSQL keeps in xmin) and the new versions read back, so a claim changed meanwhile still fails the save.
public sealed partial class HubDbContext
{
    private List<ClaimUpdate>? TakeBulkClaimUpdates()
    {
        if (Database.CurrentTransaction is null || !OnNpgsql)
        {
            return null;
        }

        var modified = ChangeTracker.Entries<Claim>().Where(e => e.State == EntityState.Modified).Select(e => (EntityEntry)e).ToList();
        if (modified.Count < CopyThreshold)
        {
            return null;
        }

        var version = modified[0].Metadata.FindProperty("Version");
        var groups = modified
            .GroupBy(e => string.Join(",", e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)))
            .Select(g => ((IReadOnlyList<IProperty>)[.. g.First().Properties.Where(p => p.IsModified).Select(p => p.Metadata)], g.ToList()))
            .ToList();
        // Only plain columns of the claim row take part; anything else (a key change, the version itself) is left to EF.
        if (version is null || groups.Any(g => g.Item1.Count == 0 || g.Item1.Any(p => p.IsKey() || p == version || p.DeclaringType != version.DeclaringType)))
        {
            return null;
        }

        var updates = new List<ClaimUpdate>();
        foreach (var (changed, rows) in groups)
        {
            // EF's own UPDATE is skipped by marking the rows saved: their changes become their original values (marking a
            // modified entry unchanged restores those), and the version they were read with is kept for the check.
            var versions = rows.Select(row => row.Property(version).OriginalValue).ToList();
            foreach (var row in rows)
            {
                foreach (var property in changed)
                {
                    row.Property(property).OriginalValue = row.Property(property).CurrentValue;
                }

                row.State = EntityState.Unchanged;
            }

            updates.Add(new ClaimUpdate(changed, rows, versions));
        }

        return updates;
    }

    private async Task UpdateClaimsAsync(List<ClaimUpdate> updates, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        foreach (var (changed, rows, readVersions) in updates)
        {
            var type = rows[0].Metadata;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties.Single();
            var version = type.FindProperty("Version")!;
            await using var command = connection.CreateCommand();
            command.Transaction = (NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction();
            var columns = new List<string>();
            foreach (var property in (IEnumerable<IProperty>)[key, version, .. changed])
            {
                var mapping = property.GetRelationalTypeMapping();
                var providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType)
                    ?? mapping.Converter?.ProviderClrType ?? property.ClrType;
                var values = Array.CreateInstance(providerType.IsValueType ? typeof(Nullable<>).MakeGenericType(providerType) : providerType,
                    rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    // The version checked is the one read; the values written are the current ones.
                    var value = property == version ? readVersions[i] : rows[i].Property(property).CurrentValue;
                    values.SetValue(value is null || mapping.Converter is null ? value : mapping.Converter.ConvertToProvider(value), i);
                }

                var parameter = new NpgsqlParameter { ParameterName = "p" + columns.Count, Value = values };
                if (mapping is NpgsqlTypeMapping npgsql)
                {
                    parameter.NpgsqlDbType = NpgsqlDbType.Array | npgsql.NpgsqlDbType;
                }

                command.Parameters.Add(parameter);
                columns.Add(property.GetColumnName(table)!);
            }

            var name = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
            var set = string.Join(", ", columns.Skip(2).Select(c => $"\"{c}\" = v.\"{c}\""));
            var unnest = string.Join(", ", columns.Select((_, i) => "@p" + i));
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            command.CommandText = $"UPDATE {name} AS t SET {set} FROM unnest({unnest}) AS v({names}) "
                + $"WHERE t.\"{columns[0]}\" = v.\"{columns[0]}\" AND t.\"{columns[1]}\" = v.\"{columns[1]}\" RETURNING t.\"{columns[0]}\", t.\"{columns[1]}\"";
            var versions = new Dictionary<object, object>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    versions[reader.GetValue(0)] = reader.GetValue(1);
                }
            }

            var keyConverter = key.GetRelationalTypeMapping().Converter;
            var stale = rows.Where(r => !versions.ContainsKey(keyConverter is null ? r.Property(key).CurrentValue! : keyConverter.ConvertToProvider(r.Property(key).CurrentValue)!)).ToList();
            if (stale.Count > 0)
            {
                // As EF reports an UPDATE that matched no row: someone else changed (or deleted) the claim since it was read.
                throw new DbUpdateConcurrencyException($"{stale.Count} of {rows.Count} claims were changed by someone else since they were read.", null,
                    [.. stale.Select(UpdateEntry)]);
            }

            foreach (var row in rows)
            {
                var id = keyConverter is null ? row.Property(key).CurrentValue! : keyConverter.ConvertToProvider(row.Property(key).CurrentValue)!;
                var newVersion = version.GetRelationalTypeMapping().Converter is { } converter ? converter.ConvertFromProvider(versions[id]) : versions[id];
                row.Property(version).CurrentValue = newVersion;
                row.Property(version).OriginalValue = newVersion;
                row.State = EntityState.Unchanged;
            }
        }
    }

    // The entry as EF's own exceptions carry it, so a caller can inspect or refresh the conflicting claims the usual way.
#pragma warning disable EF1001 // EF exposes a conflict's entries only as its internal IUpdateEntry.
    private static IUpdateEntry UpdateEntry(EntityEntry entry) => entry.GetInfrastructure();
#pragma warning restore EF1001

    private sealed record ClaimUpdate(IReadOnlyList<IProperty> Changed, List<EntityEntry> Rows, List<object?> ReadVersions);
}
