using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace DentalClaimsHub.Adapters.Dms.Files;

public static partial class DmsFile
{
    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmpty = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>
    /// The format from the first bytes: a ZIP whose first entry is an Office Open XML part is XLSX; D0 CF 11 E0 (an OLE
    /// compound file) is XLS; '&lt;' after a BOM and whitespace is XML; anything else is CSV. The file name's extension
    /// only breaks ties (an empty head, or a '.csv'/'.txt' whose first cell starts with '&lt;').
    /// </summary>
    /// <exception cref="DmsFileException">A ZIP archive holding other files (call <see cref="Unwrap"/> first), or an HTML
    /// page posing as a spreadsheet.</exception>
    public static DmsFileFormat Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (head.StartsWith(ZipLocalHeader) || head.StartsWith(ZipEmpty))
        {
            if (FirstEntryName(head) == "mimetype")
            {
                throw new DmsFileException("The file is an OpenDocument spreadsheet (ODS), which is not read; save it as XLSX.");
            }

            return IsOfficeZip(head) ? DmsFileFormat.Xlsx
                : throw new DmsFileException("The file is a ZIP archive holding other files; unwrap it before reading.");
        }

        if (head.StartsWith(OleCompound))
        {
            return DmsFileFormat.Xls;
        }

        if (head.IsEmpty)
        {
            return extension switch
            {
                ".xlsx" or ".xlsm" => DmsFileFormat.Xlsx,
                ".xls" => DmsFileFormat.Xls,
                ".xml" => DmsFileFormat.Xml,
                _ => DmsFileFormat.Csv,
            };
        }

        if (!StartsWithTag(head) || extension is ".csv" or ".txt")
        {
            return DmsFileFormat.Csv;
        }

        return IsHtml(head)
            ? throw new DmsFileException(
                "The file is an HTML page, not a spreadsheet (some systems save an HTML table under an .xls name); "
                + "open it in Excel and save it as XLSX.")
            : DmsFileFormat.Xml;
    }

    private static bool IsHtml(ReadOnlySpan<byte> head)
    {
        // Markup names are ASCII in any of the encodings met here; a UTF-16 head has zero bytes between, so drop them.
        var start = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 1024)]).Replace("\0", "", StringComparison.Ordinal);
        return start.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', '\u00FF', '\u00FE', ' ', '\t', '\r', '\n')
                .StartsWith("<table", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The encoding CSV/XML auto-detection picks from a file's first bytes: its BOM's; else UTF-8 when the bytes
    /// are valid UTF-8 (a sequence cut off at the end of <paramref name="head"/> counts as valid); else windows-1251.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        return IsUtf8(head) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Encoding.GetEncoding(1251);
    }

    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[1024];
        while (!bytes.IsEmpty)
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            switch (status)
            {
                case OperationStatus.Done:
                case OperationStatus.NeedMoreData:
                    // NeedMoreData: the head ends inside a multi-byte sequence, which is the cut, not the file.
                    return true;
                case OperationStatus.DestinationTooSmall:
                    bytes = bytes[read..];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    // The first local header's entry name: an XLSX starts with [Content_Types].xml, _rels/, docProps/ or xl/ parts.
    private static bool IsOfficeZip(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(ZipEmpty))
        {
            return false;
        }

        if (head.Length < 30)
        {
            return true; // too little to tell; the XLSX reader will say if it is not one
        }

        var encrypted = (BinaryPrimitives.ReadUInt16LittleEndian(head[6..]) & 1) != 0;
        return !encrypted && (FirstEntryName(head) is not { } name || IsOfficePart(name));
    }

    // The name in a ZIP's first local file header, when the head holds all of it.
    private static string? FirstEntryName(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30 || !head.StartsWith(ZipLocalHeader))
        {
            return null;
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        return head.Length < 30 + nameLength ? null : Encoding.ASCII.GetString(head.Slice(30, nameLength));
    }

    private static bool IsOfficePart(string name) =>
        name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("_rels/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("docProps/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("customXml/", StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithTag(ReadOnlySpan<byte> head)
    {
        var step = 1;
        var offset = 0;
        if (head.StartsWith(Utf8Bom))
        {
            offset = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (offset, step) = (2, 2);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (offset, step) = (3, 2);
        }

        for (var i = offset; i < head.Length; i += step)
        {
            switch (head[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'<':
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }
}
