using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalClaimsHub.Storage.Configuration;

/// <summary>
/// Stores a small immutable domain record (or a list of them) as a <c>jsonb</c> column. Used for value objects that are
/// read and written whole and never queried by their parts.
/// </summary>
internal static class JsonValueConversion
{
    // Absent values are left out, not written as nulls: an eligibility answer's benefit lines are mostly empty fields,
    // and the nulls made its stored JSON half again as long (more to serialise, parse as jsonb and compress per check).
    // Rows written with the nulls read the same.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static PropertyBuilder<T?> HasJsonConversion<T>(this PropertyBuilder<T?> property)
        where T : class
    {
        property.HasConversion(
                new JsonTextConverter<T>(),
                ElementType(typeof(T)) is { } element
                    ? (ValueComparer<T?>)Activator.CreateInstance(typeof(ListComparer<,>).MakeGenericType(typeof(T), element))!
                    : RecordComparer<T>())
            .HasColumnType("jsonb");
        return property;
    }

    private static string Json<T>(T? value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A value as its JSON's UTF-8 bytes, for writers that can send jsonb as bytes (<see cref="UnnestInsert"/>).</summary>
    internal interface IUtf8Json
    {
        byte[]? ToUtf8(object? value);
    }

    // The JSON text EF reads and writes; new rows sent as one array per column take the UTF-8 bytes instead. As text, an
    // eligibility answer's JSON was serialised to UTF-8, copied into a string and encoded again by Npgsql: a string twice
    // the bytes' size, 6 % of what a check allocated.
    private sealed class JsonTextConverter<T>() : ValueConverter<T?, string?>(
        value => value == null ? null : JsonSerializer.Serialize(value, Options),
        json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options)), IUtf8Json
        where T : class
    {
        public byte[]? ToUtf8(object? value) => value == null ? null : JsonSerializer.SerializeToUtf8Bytes((T)value, Options);
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type)
            && type.IsAssignableFrom(typeof(List<>).MakeGenericType(element))
            ? Immutable(element)
            : null;

    // The list snapshot shares its elements (below), which is only right when an element cannot change in place.
    private static Type Immutable(Type element)
    {
        if (element.IsPrimitive || element == typeof(string))
        {
            return element;
        }

        var settable = element.GetProperties().FirstOrDefault(p => p.SetMethod is { IsPublic: true } setter
            && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)));
        return settable is null
            ? element
            : throw new InvalidOperationException($"{element.Name}.{settable.Name} can be set: a jsonb list needs immutable elements.");
    }

    // An immutable record only changes by being replaced: the snapshot is the instance itself and the same instance is
    // equal without serialising anything (a tracked check no longer costs two JSON round trips of its result per save).
    private static ValueComparer<T?> RecordComparer<T>()
        where T : class =>
        new((a, b) => ReferenceEquals(a, b) || (a != null && b != null && Json(a) == Json(b)),
            value => value == null ? 0 : Json(value).GetHashCode(StringComparison.Ordinal),
            value => value);

    // A list can change in place, so the snapshot is a copy of it; its elements are immutable values (records, record
    // structs, strings), so the copy shares them and equality compares them element by element. This used to be a JSON
    // round trip per list for every snapshot and two serialisations per comparison: loading 10,000 claims with their lines
    // for an 835 made 90,000 such snapshots, and saving compared them all again.
    private sealed class ListComparer<TList, TElement>() : ValueComparer<TList?>(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
        value => Hash(value),
        value => value == null ? null : (TList)(object)new List<TElement>(value))
        where TList : class, IEnumerable<TElement>
    {
        private static int Hash(TList? value)
        {
            if (value == null)
            {
                return 0;
            }

            var hash = new HashCode();
            foreach (var element in value)
            {
                hash.Add(element);
            }

            return hash.ToHashCode();
        }
    }
}
