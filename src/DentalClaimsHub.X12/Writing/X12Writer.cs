using System.Text;

namespace DentalClaimsHub.X12.Writing;

/// <summary>
/// Writes X12 segments to a stream with the given delimiters. X12 has no escaping: an element value that contains
/// the element separator or the segment terminator is a caller bug and raises an <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// Raw element texts of a segment are expressed in that segment's own delimiters; its component and repetition
/// separators are translated to the writer's. Writing the segments of a well-formed file back with the same delimiters
/// reproduces its bytes (line breaks aside, which <see cref="X12WriterOptions.LineBreakAfterSegment"/> controls).
/// </remarks>
public sealed partial class X12Writer : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private readonly Stream _stream;
    private readonly X12WriterOptions _options;
    private readonly byte[] _newLine;
    // A writer starts small and grows to 64 KB before it flushes: a 270 or a 999 is a kilobyte or two, and a 64 KB buffer
    // per message was nine tenths of the bytes a hub allocated per eligibility check.
    private const int FlushSize = 64 * 1024;
    private byte[] _buffer = new byte[1024];
    private int _used;

    /// <summary>Creates a writer; the writer owns the stream unless <see cref="X12WriterOptions.LeaveOpen"/>.</summary>
    public X12Writer(Stream stream, X12Delimiters delimiters, X12WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!delimiters.AreDistinct)
        {
            throw new ArgumentException("The four X12 delimiters must be distinct.", nameof(delimiters));
        }

        _stream = stream;
        _options = options ?? new X12WriterOptions();
        _newLine = Utf8.GetBytes(_options.NewLine);
        Delimiters = delimiters;
    }

    /// <summary>The delimiters the writer uses.</summary>
    public X12Delimiters Delimiters { get; }

    /// <summary>Number of segments written so far.</summary>
    public long SegmentsWritten { get; private set; }

    /// <summary>Writes a segment built from an id and raw element texts (in the writer's delimiters).</summary>
    public void WriteSegment(string id, params string[] elements) => Write(X12Segment.Create(Delimiters, id, elements));

    /// <summary>Writes one segment followed by the terminator (and a line break when configured).</summary>
    public void Write(X12Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var elements = segment.Elements;
        CheckId(elements[0]);
        var isa = elements[0] == "ISA";
        WriteText(elements[0]);
        for (var i = 1; i < elements.Length; i++)
        {
            WriteChar(Delimiters.Element);
            if (isa && i == 11 && Delimiters.HasRepetition)
            {
                WriteChar(Delimiters.Repetition);
            }
            else if (isa && i == 16)
            {
                WriteChar(Delimiters.Component);
            }
            else
            {
                WriteText(Translate(elements[i], segment, i));
            }
        }

        WriteChar(Delimiters.Segment);
        if (_options.LineBreakAfterSegment)
        {
            WriteBytes(_newLine);
        }

        SegmentsWritten++;
    }

    /// <summary>Writes buffered bytes to the stream and flushes it.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (!_options.LeaveOpen)
        {
            _stream.Dispose();
        }
    }
}
