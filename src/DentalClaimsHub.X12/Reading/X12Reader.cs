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

    // Text of ASCII segments, packed into shared blocks (see X12TextBlocks).
    private readonly X12TextBlocks _text;

    private X12Reader(X12Tokenizer tokenizer, int textBlockSize = X12TextBlocks.StreamingBlockSize)
    {
        _tokenizer = tokenizer;
        _text = new X12TextBlocks(textBlockSize);
    }

    /// <summary>A reader for a caller that keeps every segment (a parse): its text goes into large blocks.</summary>
    internal static X12Reader OpenRetaining(Stream stream, X12ReaderOptions? options) =>
        new(new X12Tokenizer(stream, options), X12TextBlocks.RetainedBlockSize);

    /// <summary>
    /// Opens a reader over <paramref name="stream"/>; the reader owns the stream unless <see cref="X12ReaderOptions.LeaveOpen"/>.
    /// </summary>
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
        var id = Decode(_tokenizer.GetElement(0));
        var delimiters = _tokenizer.Delimiters!.Value;
        segment = id != "ISA" && _text.TryAppend(_tokenizer.SegmentBytes, out var text, out var start)
            ? new X12Segment(id, text, start, _tokenizer.SegmentBytes.Length, count, delimiters, _tokenizer.SegmentOrdinal, _tokenizer.SegmentOffset)
            : ReadElements(id, count, delimiters);
        return true;
    }

    /// <summary>
    /// Reads the next segment into <paramref name="store"/> as a row, creating no segment object unless the segment is an
    /// ISA or holds non-ASCII text; false at the end of the input.
    /// </summary>
    internal bool TryReadInto(X12SegmentStore store, out int index, out string id)
    {
        if (!_tokenizer.Next())
        {
            index = -1;
            id = "";
            return false;
        }

        var count = _tokenizer.ElementCount;
        id = Decode(_tokenizer.GetElement(0));
        var delimiters = _tokenizer.Delimiters!.Value;
        var bytes = _tokenizer.SegmentBytes;
        // A row recounts its elements from its text; only a CR element separator before an LF terminator (the CR is
        // trimmed from the text but counted) would give another count, so such a segment is kept as an object.
        var recountable = delimiters is not { Element: '\r', Segment: '\n' };
        index = id != "ISA" && recountable && _text.TryAppend(bytes, out var text, out var start)
            ? store.Add(text, start, bytes.Length, count, delimiters, _tokenizer.SegmentOrdinal, _tokenizer.SegmentOffset)
            : store.Add(ReadElements(id, count, delimiters));
        return true;
    }

    // The general path (the ISA, and segments with non-ASCII bytes): one string per element, decoded as UTF-8.
    private X12Segment ReadElements(string id, int count, X12Delimiters delimiters)
    {
        var elements = new string[count];
        elements[0] = id;
        for (var i = 1; i < count; i++)
        {
            elements[i] = Decode(_tokenizer.GetElement(i));
        }

        return new X12Segment(elements, delimiters, _tokenizer.SegmentOrdinal, _tokenizer.SegmentOffset);
    }

    private string Decode(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        0 => "",
        <= Text.X12ShortStrings.MaxLength => Text.X12ShortStrings.Get(bytes),
        _ => Utf8.GetString(bytes),
    };

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
}
