namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>The pair of files one snapshot assertion reads and writes.</summary>
public sealed record SnapshotFile(string VerifiedPath, string ReceivedPath)
{
    /// <summary>Builds Verify-compatible paths beside <paramref name="sourceFile"/>.</summary>
    public static SnapshotFile For(string sourceFile, string testMethod, string? parameter, string extension)
    {
        if (string.IsNullOrEmpty(sourceFile))
            throw new ArgumentException("The caller's source file path is unknown.", nameof(sourceFile));

        var directory = Path.GetDirectoryName(sourceFile) ?? ".";
        var testFile = Path.GetFileNameWithoutExtension(sourceFile);
        var name = parameter is null ? $"{testFile}.{testMethod}" : $"{testFile}.{testMethod}_{Sanitize(parameter)}";
        var ext = extension.TrimStart('.');
        return new SnapshotFile(
            Path.Combine(directory, $"{name}.verified.{ext}"),
            Path.Combine(directory, $"{name}.received.{ext}"));
    }

    // File names must survive every OS: keep letters, digits, '-', '.', '_'.
    private static string Sanitize(string parameter)
    {
        var chars = parameter.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray();
        return new string(chars);
    }
}
