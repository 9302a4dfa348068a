using System.Text;

namespace DentalClaimsHub.X12.Reading;

/// <summary>
/// Streams <see cref="X12Segment"/>s out of an X12 byte stream with bounded memory, on top of <see cref="X12Tokenizer"/>.
/// </summary>
/// <example>
/// <code>
/// using var reader = X12Reader.Open(File.OpenRead(path));
/// while (reader.TryRead(out var segment)) { ... }
/// foreach (var issue in reader.Issues) { ... }
/// </code>
/// </example>
public sealed class X12Reader : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly X12Tokenizer _tokenizer;
    private readonly Dictionary<int, string> _ids = [];

    private X12Reader(X12Tokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>Opens a reader over <paramref name="stream"/>; the reader owns the stream unless <see cref="X12ReaderOptions.LeaveOpen"/>.</summary>
    public static X12Reader Open(Stream stream, X12ReaderOptions? options = null) => new(new X12Tokenizer(stream, options));

    /// <summary>Delimiters of the current interchange; null until the first ISA is read, updated at each ISA.</summary>
    public X12Delimiters? Delimiters => _tokenizer.Delimiters;

    /// <summary>What could not be read. Reading never throws for bad input.</summary>
    public IReadOnlyList<X12Issue> Issues => _tokenizer.Issues;

    /// <summary>Reads the next segment; false at the end of the input.</summary>
    public bool TryRead(out X12Segment segment)
    {
        if (!_tokenizer.Next())
        {
            segment = null!;
            return false;
        }

        var count = _tokenizer.ElementCount;
        var elements = new string[count];
        elements[0] = DecodeId(_tokenizer.GetElement(0));
        for (var i = 1; i < count; i++)
        {
            var bytes = _tokenizer.GetElement(i);
            elements[i] = bytes.IsEmpty ? "" : Utf8.GetString(bytes);
        }

        segment = new X12Segment(elements, _tokenizer.Delimiters!.Value, _tokenizer.SegmentOrdinal, _tokenizer.SegmentOffset);
        return true;
    }

    /// <summary>Reads every remaining segment lazily.</summary>
    public IEnumerable<X12Segment> ReadAll()
    {
        while (TryRead(out var segment))
        {
            yield return segment;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokenizer.Dispose();

    // Segment ids repeat constantly: cache short ASCII ids instead of allocating a string per segment.
    private string DecodeId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is < 1 or > 3)
        {
            return Utf8.GetString(bytes);
        }

        var key = bytes.Length;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return Utf8.GetString(bytes);
            }

            key = (key << 8) | b;
        }

        if (!_ids.TryGetValue(key, out var id))
        {
            id = Encoding.ASCII.GetString(bytes);
            if (_ids.Count < 1024)
            {
                _ids[key] = id;
            }
        }

        return id;
    }
}
