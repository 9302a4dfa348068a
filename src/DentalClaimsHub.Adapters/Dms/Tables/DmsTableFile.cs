using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.Mappings;

namespace DentalClaimsHub.Adapters.Dms.Tables;

/// <summary>
/// An insurer's file opened for a <see cref="DmsTableLayout"/>: a (password) ZIP unwrapped, the format detected from the
/// first bytes and checked against the layout's formats. Shared by every inbound ДМС file kind (rosters, guarantee-letter
/// answers). Disposing it disposes the unwrapped entry, never the caller's stream.
/// </summary>
public sealed class DmsTableFile : IDisposable
{
    private readonly Stream? unwrapped;

    private DmsTableFile(Stream content, string fileName, byte[] head, DmsFileFormat format, Stream? unwrapped)
    {
        Content = content;
        FileName = fileName;
        Head = head;
        Format = format;
        this.unwrapped = unwrapped;
    }

    public Stream Content { get; }

    /// <summary>The file's name, or the ZIP entry's.</summary>
    public string FileName { get; }

    /// <summary>The first 4 KiB, for detection and reports.</summary>
    public byte[] Head { get; }

    public DmsFileFormat Format { get; }

    /// <summary>Opens <paramref name="content"/> (seekable, left open). <paramref name="kind"/> names the files in the
    /// error ("rosters"). Throws <see cref="DmsFileException"/> for a file the layout does not read.</summary>
    public static DmsTableFile Open(Stream content, string fileName, DmsTableLayout layout, string kind, string? zipPassword)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(layout);
        if (!content.CanSeek)
        {
            throw new ArgumentException($"The {kind} content must be seekable.", nameof(content));
        }

        Stream? unwrapped = null;
        try
        {
            if (DmsFile.Unwrap(content, zipPassword) is { } inner)
            {
                unwrapped = inner.Content;
                fileName = inner.FileName;
                content = inner.Content;
            }
            else
            {
                content.Position = 0;
            }

            var head = new byte[4096];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            content.Position = 0;
            var format = DmsFile.Detect(head.AsSpan(0, read), fileName);
            if (!layout.Formats.Contains(format))
            {
                throw new DmsFileException(
                    $"the file is {format.ToString().ToUpperInvariant()}, but this insurer's {kind} come as {string.Join(", ", layout.Formats.Select(f => f.ToString().ToUpperInvariant()))}.");
            }

            return new DmsTableFile(content, fileName, head[..read], format, unwrapped);
        }
        catch
        {
            unwrapped?.Dispose();
            throw;
        }
    }

    /// <summary>The file's rows as the layout reads them (the file layer detects the text encoding).</summary>
    public IEnumerable<SheetRow> Rows(DmsTableLayout layout, string? zipPassword) => DmsFile.ReadRows(Content, Format, layout.ReadOptions(zipPassword));

    public void Dispose() => unwrapped?.Dispose();
}
