using System.Collections;
using System.Globalization;
using System.Text;
using DentalClaimsHub.Storage.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;
using NpgsqlTypes;

namespace DentalClaimsHub.Storage;

/// <summary>
/// Any number of new rows of one table as one statement with one parameter per column, not one per value:
/// <c>INSERT INTO t (a, b) SELECT a, b FROM unnest($1, $2) AS u(a, b)</c>, each parameter an array of that column's values
/// (EF's converter applied, typed as EF types the column). Written as multi-row VALUES, a group of eligibility answers
/// took some 350 parameters, one per value, and their <see cref="NpgsqlParameter"/> objects were a tenth of what a check
/// allocated.
/// A column that is itself an array (<c>text[]</c>, <c>uuid[]</c>) cannot be unnested (<c>unnest</c> flattens every
/// dimension): its values go as array literals in a <c>text[]</c> and are cast back. The statement text depends only on the
/// table, so one prepared statement serves every group.
/// </summary>
internal sealed class UnnestInsert
{
    private readonly UnnestColumn[] _columns;

    private UnnestInsert(string sql, UnnestColumn[] columns) => (Sql, _columns) = (sql, columns);

    public string Sql { get; }

    /// <summary>Null when a column cannot go as an array (a type without a known array form, a converted collection element).</summary>
    public static UnnestInsert? For(string table, IReadOnlyList<IProperty> properties, IReadOnlyList<string> columnNames)
    {
        var columns = new UnnestColumn[properties.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            if (UnnestColumn.For(properties[i]) is not { } column)
            {
                return null;
            }

            columns[i] = column;
        }

        var names = columnNames.Select(n => $"\"{n}\"").ToList();
        var list = string.Join(", ", names);
        var select = string.Join(", ", names.Select((n, i) => columns[i].StoreArrayType is { } type ? $"{n}::{type}" : n));
        var parameters = string.Join(", ", Enumerable.Range(1, columns.Length).Select(i => $"${i}"));
        return new UnnestInsert($"INSERT INTO {table} ({list}) SELECT {select} FROM unnest({parameters}) AS u({list})", columns);
    }

    public NpgsqlBatchCommand Command(List<NewRow> rows)
    {
        var command = new NpgsqlBatchCommand(Sql);
        for (var i = 0; i < _columns.Length; i++)
        {
            command.Parameters.Add(_columns[i].Parameter(rows, i));
        }

        return command;
    }

    // toProvider: a row's value as the parameter's array holds it; element: that array's element type; type: the array's
    // NpgsqlDbType when Npgsql cannot infer it from the element type.
    private sealed class UnnestColumn(Func<object?, object?> toProvider, Type element, NpgsqlDbType? type, string? storeArrayType = null)
    {
        // Element types whose array Npgsql infers from the CLR type alone (text, uuid, int4, …); anything else needs EF's
        // NpgsqlDbType for the column (timestamps: with or without a time zone is the column's, not the CLR type's).
        private static readonly HashSet<Type> Inferred =
            [typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(decimal), typeof(DateOnly),
            typeof(byte[])];

        // Elements of an array column written as text inside a literal: their text form is what PostgreSQL's input reads.
        private static readonly HashSet<Type> LiteralElements =
            [typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(decimal)];

        [ThreadStatic]
        private static StringBuilder? _literalBuilder;

        /// <summary>The column's array type (e.g. <c>uuid[]</c>) when its values go as literals, to cast them back; else null.</summary>
        public string? StoreArrayType { get; } = storeArrayType;

        public static UnnestColumn? For(IProperty property)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? mapping.ClrType;
            var provider = Nullable.GetUnderlyingType(providerType) ?? providerType;
            Func<object?, object?> toProvider = converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v);
            if (mapping.ElementTypeMapping is RelationalTypeMapping element)
            {
                var elementType = Nullable.GetUnderlyingType(element.ClrType) ?? element.ClrType;
                if (element.Converter is not null || !LiteralElements.Contains(elementType))
                {
                    return null;
                }

                return new UnnestColumn(v => Literal(toProvider(v)), typeof(string), NpgsqlDbType.Array | NpgsqlDbType.Text,
                    mapping.StoreType);
            }

            if (converter is JsonValueConversion.IUtf8Json json && mapping.StoreType == "jsonb")
            {
                return new UnnestColumn(json.ToUtf8, typeof(byte[]), NpgsqlDbType.Array | NpgsqlDbType.Jsonb);
            }

            NpgsqlDbType? type = mapping is INpgsqlTypeMapping { NpgsqlDbType: not NpgsqlDbType.Unknown } npgsql
                ? npgsql.NpgsqlDbType
                : null;
            if ((type is null && !Inferred.Contains(provider)) || (type is { } t && t.HasFlag(NpgsqlDbType.Array)))
            {
                return null;
            }

            return new UnnestColumn(toProvider, provider.IsValueType ? typeof(Nullable<>).MakeGenericType(provider) : provider,
                type is { } known ? NpgsqlDbType.Array | known : null);
        }

        public NpgsqlParameter Parameter(List<NewRow> rows, int column)
        {
            var values = Array.CreateInstance(element, rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                values.SetValue(toProvider(rows[row].Values[column]), row);
            }

            // Unnamed: positional ($n), so Npgsql sends the statement as it is, without parsing it.
            var parameter = new NpgsqlParameter { Value = values };
            if (type is { } known)
            {
                parameter.NpgsqlDbType = known;
            }

            return parameter;
        }

        // PostgreSQL's array input: {"a","b",NULL}, every element quoted, backslash and double quote escaped.
        private static string? Literal(object? collection)
        {
            if (collection is not IEnumerable elements)
            {
                return null;
            }

            // One builder per thread, reused: a message's two array columns made two builders and their growth per row.
            var text = (_literalBuilder ??= new StringBuilder()).Clear().Append('{');
            foreach (var element in elements)
            {
                if (text.Length > 1)
                {
                    text.Append(',');
                }

                if (element is null)
                {
                    text.Append("NULL");
                    continue;
                }

                var value = element switch
                {
                    bool b => b ? "true" : "false",
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => element.ToString() ?? "",
                };
                text.Append('"').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }

            return text.Append('}').ToString();
        }
    }
}
