using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Mappings.Tests.Fixtures;

/// <summary>Renders canonical results as stable, readable JSON for snapshots (enum names, money as text, no nulls).</summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new AsText<Money>(m => m.ToString()), new AsText<PersonName>(n => n.ToString()) },
    };

    public static string Render<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    private sealed class AsText<T>(Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Snapshots are written, never read.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }
}
