using System.Text;

namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>Compares text with a verified file; writes the received file and fails with a diff on mismatch.</summary>
public sealed class SnapshotVerifier(bool accept)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether a mismatch overwrites the verified file instead of failing.</summary>
    public bool Accept { get; } = accept;

    /// <summary>Reads <c>SNAPSHOT_ACCEPT</c> and <c>CI</c>: accepting is never allowed on CI.</summary>
    public static SnapshotVerifier FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Like <see cref="FromEnvironment()"/> with an explicit variable lookup (for tests).</summary>
    public static SnapshotVerifier FromEnvironment(Func<string, string?> variable)
    {
        var ci = string.Equals(variable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = variable("SNAPSHOT_ACCEPT") is "1" or "true";
        return new SnapshotVerifier(accept && !ci);
    }

    /// <summary>Verifies <paramref name="received"/> against <paramref name="file"/>.</summary>
    public void Verify(SnapshotFile file, string received)
    {
        var actual = Normalize(received);
        var exists = File.Exists(file.VerifiedPath);
        var expected = exists ? Normalize(File.ReadAllText(file.VerifiedPath, Utf8NoBom)) : null;

        if (expected == actual)
        {
            File.Delete(file.ReceivedPath);
            return;
        }

        if (Accept)
        {
            File.WriteAllText(file.VerifiedPath, actual, Utf8NoBom);
            File.Delete(file.ReceivedPath);
            return;
        }

        File.WriteAllText(file.ReceivedPath, actual, Utf8NoBom);
        var message = expected is null
            ? $"No verified snapshot {Path.GetFileName(file.VerifiedPath)}; wrote {file.ReceivedPath}. " +
              "Review it, then rename it or run with SNAPSHOT_ACCEPT=1."
            : $"Snapshot mismatch for {Path.GetFileName(file.VerifiedPath)} (received written to {file.ReceivedPath}):\n" +
              SnapshotDiff.Unified(expected, actual);
        throw new SnapshotMismatchException(message);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
