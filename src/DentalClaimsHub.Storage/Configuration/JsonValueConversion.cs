using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalClaimsHub.Storage.Configuration;

/// <summary>
/// Stores a small immutable domain record as a <c>jsonb</c> column. Used for value objects that are read and written
/// whole and never queried by their parts.
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
                new ValueComparer<T?>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => value == null ? 0 : JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => value == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)))
            .HasColumnType("jsonb");
        return property;
    }
}
