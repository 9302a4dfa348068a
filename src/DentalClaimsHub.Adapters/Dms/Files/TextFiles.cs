using System.Text;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>Opening CSV/XML bytes as text: a named encoding, or the one <see cref="DmsFile.DetectEncoding"/> picks from
/// the first bytes, which are read ahead and then replayed.</summary>
internal static class TextFiles
{
    private const int ReaderBuffer = 64 * 1024;

    public static TextReader OpenReader(Stream content, string? encodingName)
    {
        if (encodingName is not null)
        {
            return new StreamReader(content, Resolve(encodingName), detectEncodingFromByteOrderMarks: true, ReaderBuffer,
                leaveOpen: true);
        }

        var (head, replay) = ReadHead(content);
        return new StreamReader(replay, DmsFile.DetectEncoding(head), detectEncodingFromByteOrderMarks: true, ReaderBuffer,
            leaveOpen: false);
    }

    /// <summary>The encoding named in options or a mapping: "windows-1251", "cp1251", "1251", "utf-8" and anything else
    /// .NET knows by name or code page.</summary>
    public static Encoding Resolve(string name)
    {
        var trimmed = name.Trim();
        var codePage = trimmed.ToLowerInvariant() switch
        {
            "cp1251" or "win1251" or "win-1251" or "1251" or "ansi" => 1251,
            "cp866" or "866" or "dos" => 866,
            "utf8" => 65001,
            _ => int.TryParse(trimmed, out var number) ? number : 0,
        };
        try
        {
            return codePage != 0 ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new DmsFileException($"Unknown text encoding '{trimmed}'.", inner: e);
        }
    }

    /// <summary>Reads up to <see cref="DmsFile.HeadBytes"/> bytes and returns them with a stream that replays them
    /// before the rest (the caller's stream stays open).</summary>
    public static (byte[] Head, Stream Replay) ReadHead(Stream content)
    {
        var buffer = new byte[DmsFile.HeadBytes];
        var length = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, length).ToArray();
        return (head, new ReplayStream(head, content));
    }

    /// <summary>The bytes already read, then the rest of the inner stream; read-only, forward-only.</summary>
    private sealed class ReplayStream(byte[] head, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - position);
                head.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
