namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>Self-deleting temporary files, for readers that seek and for entries too big to hold in memory.</summary>
internal static class Spool
{
    public static FileStream NewFile() =>
        new(Path.Combine(Path.GetTempPath(), $"dch-dms-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);

    public static FileStream ToTemporaryFile(Stream content)
    {
        var file = NewFile();
        try
        {
            content.CopyTo(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
