using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

/// <summary>
/// Stores a small immutable domain record (or a list of them) as a <c>jsonb</c> column. Used for value objects that are
/// read and written whole and never queried by their parts.
/// </summary>
internal static class JsonValueConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static PropertyBuilder<T?> HasJsonConversion<T>(this PropertyBuilder<T?> property)
        where T : class
    {
        property.HasConversion(
                value => value == null ? null : JsonSerializer.Serialize(value, Options),
                json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options),
                typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T)) ? CollectionComparer<T>() : RecordComparer<T>())
            .HasColumnType("jsonb");
        return property;
    }

    private static string Json<T>(T? value) => JsonSerializer.Serialize(value, Options);

    // A collection can change in place, so the snapshot is a deep copy and equality compares contents.
    private static ValueComparer<T?> CollectionComparer<T>()
        where T : class =>
        new((a, b) => Json(a) == Json(b),
            value => value == null ? 0 : Json(value).GetHashCode(StringComparison.Ordinal),
            value => value == null ? null : JsonSerializer.Deserialize<T>(Json(value), Options));

    // An immutable record only changes by being replaced: the snapshot is the instance itself and the same instance is
    // equal without serialising anything (a tracked check no longer costs two JSON round trips of its result per save).
    private static ValueComparer<T?> RecordComparer<T>()
        where T : class =>
        new((a, b) => ReferenceEquals(a, b) || (a != null && b != null && Json(a) == Json(b)),
            value => value == null ? 0 : Json(value).GetHashCode(StringComparison.Ordinal),
            value => value);
}
