using System.Text;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip;

namespace DentalClaimsHub.Adapters.Dms.Files;

public static partial class DmsFile
{
    // Entries bigger than this are spooled to a self-deleting temporary file instead of memory.
    private const long InMemoryEntryBytes = 16 * 1024 * 1024;

    // No insurer's list comes near this; a ZIP entry inflating past it is a ZIP bomb or damage.
    private const long MaxEntryBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>How deep archives may nest (a ZIP in a ZIP is depth 2): insurers' mail gateways re-wrap, nobody nests deeper.</summary>
    public const int MaxZipDepth = 3;

    /// <summary>What all the levels of one upload may inflate to together: a nested ZIP bomb multiplies per level, so the cap
    /// is on the sum, not per entry.</summary>
    public const long MaxInflatedBytes = MaxEntryBytes;

    private static readonly string[] ReadableExtensions = [".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".xml"];

    /// <summary>
    /// For a ZIP that is not itself an XLSX (with a password or without): the one spreadsheet, CSV or XML entry in it,
    /// decrypted into a stream the caller disposes. A ZIP whose one entry is itself a ZIP is opened in turn (the same
    /// password tried), up to <see cref="MaxZipDepth"/> levels and <see cref="MaxInflatedBytes"/> inflated in all. An XLSX
    /// or any other file gives null, with <paramref name="content"/> (which must be seekable) back at its starting position.
    /// </summary>
    /// <exception cref="DmsFileException">Several or no readable entries (their names are listed), a missing or wrong
    /// password, a damaged archive, archives nested too deep or inflating past the cap.</exception>
    public static (string FileName, Stream Content)? Unwrap(Stream content, string? password) => Unwrap(content, password, MaxInflatedBytes);

    /// <summary>As <see cref="Unwrap(Stream, string?)"/> with a lower cap on what all levels may inflate to.</summary>
    public static (string FileName, Stream Content)? Unwrap(Stream content, string? password, long maxInflatedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInflatedBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxInflatedBytes, MaxInflatedBytes);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("Unwrapping needs a seekable stream.", nameof(content));
        }

        return Unwrap(content, password, 1, new InflateBudget(maxInflatedBytes));
    }

    private static (string FileName, Stream Content)? Unwrap(Stream content, string? password, int depth, InflateBudget budget)
    {
        var start = content.Position;
        Span<byte> signature = stackalloc byte[4];
        var read = content.ReadAtLeast(signature, 4, throwOnEndOfStream: false);
        content.Position = start;
        if (read < 4 || !(signature.SequenceEqual(ZipLocalHeader) || signature.SequenceEqual(ZipEmpty)))
        {
            return null;
        }

        (string FileName, Stream Content)? extracted;
        try
        {
            extracted = Extract(content, start, password, budget);
        }
        catch (SharpZipBaseException e)
        {
            throw new DmsFileException("The ZIP archive is damaged or not a ZIP archive.", inner: e);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new DmsFileException("The ZIP archive is damaged.", inner: e);
        }

        if (extracted is not { } entry || !IsZipName(entry.FileName))
        {
            return extracted;
        }

        // The one entry is an archive itself: open it too, within the depth and the shared inflation budget.
        using (entry.Content)
        {
            if (depth >= MaxZipDepth)
            {
                throw new DmsFileException(
                    $"The ZIP archive nests archives more than {MaxZipDepth} deep ({entry.FileName} at level {depth + 1}); nothing was read.");
            }

            return Unwrap(entry.Content, password, depth + 1, budget)
                ?? throw new DmsFileException($"The ZIP archive's entry {entry.FileName} is named as a ZIP but is not one.");
        }
    }

    private static bool IsZipName(string fileName) => Path.GetExtension(fileName).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    // Bytes inflated so far over every level of one upload.
    private sealed class InflateBudget(long limit)
    {
        public long Limit { get; } = limit;

        public long Used { get; set; }
    }

    private static (string FileName, Stream Content)? Extract(Stream content, long start, string? password, InflateBudget budget)
    {
        // Archives made by Russian Windows name their entries in CP866 unless the UTF-8 flag is set.
        var codec = StringCodec.FromCodePage(866);
        using var zip = new ZipFile(content, leaveOpen: true, codec);
        var files = zip.Cast<ZipEntry>().Where(e => e.IsFile).ToList();
        if (files.Any(e => e.Name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)))
        {
            content.Position = start;
            return null;
        }

        var candidates = files.Where(IsReadable).ToList();
        switch (candidates.Count)
        {
            case 0:
                throw new DmsFileException(
                    $"The ZIP archive holds no spreadsheet, CSV or XML file (entries: {Names(files)}).");
            case > 1:
                throw new DmsFileException(
                    $"The ZIP archive holds several files that could be the one to read: {Names(candidates)}.");
        }

        var entry = candidates[0];
        if (entry.IsCrypted && string.IsNullOrEmpty(password))
        {
            throw new DmsFileException(
                $"The ZIP archive is protected with a password and none was given ({Path.GetFileName(entry.Name)}).");
        }

        var fileName = Path.GetFileName(entry.Name);
        Stream copy = entry.Size is >= 0 and <= InMemoryEntryBytes ? new MemoryStream(checked((int)entry.Size)) : Spool.NewFile();
        try
        {
            foreach (var encoding in PasswordEncodings(entry, password))
            {
                zip.StringCodec = codec.WithZipCryptoEncoding(encoding);
                zip.Password = password;
                try
                {
                    using var input = zip.GetInputStream(entry);
                    CopyBounded(input, copy, copy is MemoryStream ? entry.Size : MaxEntryBytes, fileName, budget);
                    copy.Position = 0;
                    return (fileName, copy);
                }
                catch (SharpZipBaseException) when (entry.IsCrypted)
                {
                    copy.SetLength(0);
                }
            }

            throw new DmsFileException($"The ZIP password is wrong for {fileName}.");
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    // AES passwords are UTF-8 by the spec; ZipCrypto ones are bytes in whatever encoding the archiver chose: UTF-8, or
    // Russian Windows' OEM (866) or ANSI (1251) code page. Only a password with non-ASCII letters tells them apart.
    private static IEnumerable<Encoding> PasswordEncodings(ZipEntry entry, string? password)
    {
        yield return Encoding.UTF8;
        if (entry.IsCrypted && entry.AESKeySize == 0 && password is not null && !Ascii.IsValid(password))
        {
            yield return Encoding.GetEncoding(866);
            yield return Encoding.GetEncoding(1251);
        }
    }

    // Copies no more than the entry declared (in memory) or the cap (to disk), whatever the compressed data inflates to.
    private static void CopyBounded(Stream input, Stream copy, long limit, string fileName, InflateBudget budget)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            total += read;
            budget.Used += read;
            if (total > limit)
            {
                throw new DmsFileException($"The ZIP entry {fileName} inflates to more than it declares or than {MaxEntryBytes} bytes.");
            }

            if (budget.Used > budget.Limit)
            {
                throw new DmsFileException(
                    $"The ZIP archive inflates to more than {budget.Limit} bytes over its nested archives (a ZIP bomb or damage); nothing was read.");
            }

            copy.Write(buffer, 0, read);
        }
    }

    private static bool IsReadable(ZipEntry entry)
    {
        var name = entry.Name.Replace('\\', '/');
        var file = Path.GetFileName(name);
        return !name.StartsWith("__MACOSX/", StringComparison.Ordinal)
            && !file.StartsWith('.')
            && !file.StartsWith("~$", StringComparison.Ordinal)
            && (ReadableExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()) || IsZipName(file));
    }

    private static string Names(IEnumerable<ZipEntry> entries) =>
        string.Join(", ", entries.Select(e => $"'{e.Name}'"));
}
