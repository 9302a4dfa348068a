using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>
/// Golden-file assertions with Verify-compatible file names:
/// <c>{TestFileName}.{TestMethod}[_{parameter}].verified.{ext}</c> beside the test source file.
/// Accept new output with <c>SNAPSHOT_ACCEPT=1</c> (ignored when <c>CI=true</c>).
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Compares <paramref name="text"/> with the verified file of the calling test.</summary>
    public static Task Verify(
        string text,
        string extension = "txt",
        string? parameter = null,
        bool scrub = true,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var file = SnapshotFile.For(sourceFile, testMethod, parameter, extension);
        var content = scrub ? SnapshotScrubber.Scrub(text) : text;
        SnapshotVerifier.FromEnvironment().Verify(file, content);
        return Task.CompletedTask;
    }

    /// <summary>Serializes <paramref name="value"/> as indented JSON and compares it like <see cref="Verify"/>.</summary>
    public static Task VerifyJson(
        object? value,
        string? parameter = null,
        bool scrub = true,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var json = value is JsonElement element
            ? JsonSerializer.Serialize(element, JsonOptions)
            : JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), JsonOptions);
        return Verify(json + "\n", "json", parameter, scrub, sourceFile, testMethod);
    }
}
