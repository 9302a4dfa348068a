using System.Text;
using DentalClaimsHub.X12.Tests.Reading;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Writing;

public class X12WriterTests
{
    private static string Write(X12Delimiters delimiters, IEnumerable<X12Segment> segments, X12WriterOptions? options = null)
    {
        var output = new MemoryStream();
        using (var writer = new X12Writer(output, delimiters, options))
        {
            foreach (var segment in segments)
            {
                writer.Write(segment);
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData('*', '^', ':', '~')]
    [InlineData('|', '^', '>', '\'')]
    [InlineData('\x1D', '\x1F', '\x1C', '\x1E')]
    [InlineData('*', '^', ':', '\n')]
    public void Write_SegmentsReadFromWellFormedFile_ReproducesSameBytes(char e, char r, char c, char s)
    {
        var original = X12TestInput.Interchange(e, r, c, s);
        var segments = X12TestInput.ReadAll(original, out var reader);

        var written = Write(reader.Delimiters!.Value, segments);

        Assert.Equal(original, written);
    }

    [Fact]
    public void Write_SmallMessage_AllocatesAboutItsOwnSizeNotASixtyFourKilobyteBuffer()
    {
        var original = X12TestInput.Interchange('*', '^', ':', '~');
        var segments = X12TestInput.ReadAll(original, out var reader).ToList();
        var output = new MemoryStream(capacity: 64 * 1024);
        Write(reader.Delimiters!.Value, segments); // warm

        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var writer = new X12Writer(output, reader.Delimiters!.Value, new X12WriterOptions { LeaveOpen = true }))
        {
            segments.ForEach(writer.Write);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(original, Encoding.UTF8.GetString(output.ToArray()));
        Assert.True(allocated < 16 * 1024, $"writing {original.Length} bytes allocated {allocated:N0}");
    }

    [Theory]
    [InlineData(5_000)] // many segments: the buffer grows to 64 KB, then flushes
    [InlineData(1)] // one element longer than 64 KB
    public void Write_PastTheFlushSize_ReproducesEveryByte(int copies)
    {
        var delimiters = X12Delimiters.Default;
        var text = copies == 1 ? new string('A', 100_000) : "SAMPLE TEXT";
        var segments = Enumerable.Range(0, copies).Select(i => X12Segment.Create(delimiters, "MSG", [text + i])).ToList();

        var written = Write(delimiters, segments);

        Assert.Equal(string.Concat(segments.Select(s => $"MSG{delimiters.Element}{s.Elements[1]}{delimiters.Segment}")), written);
    }

    [Fact]
    public void Write_LineBreakOption_AddsNewLineAfterEachTerminatorAndReadsBackEqual()
    {
        var original = X12TestInput.Interchange();
        var segments = X12TestInput.ReadAll(original, out _);

        var written = Write(X12Delimiters.Default, segments, new X12WriterOptions { LineBreakAfterSegment = true, NewLine = "\r\n" });

        Assert.Equal(X12TestInput.Interchange(between: "\r\n"), written);
        Assert.Equal(original, Write(X12Delimiters.Default, X12TestInput.ReadAll(written, out _)));
    }

    [Fact]
    public void Write_OtherDelimiters_TranslatesComponentAndRepetitionSeparators()
    {
        var segments = X12TestInput.ReadAll(X12TestInput.Interchange(), out _);
        var target = new X12Delimiters('|', '{', '>', '\n');

        var written = Write(target, segments);

        Assert.Equal(X12TestInput.Interchange('|', '{', '>', '\n'), written);
    }

    [Theory]
    [InlineData("A*B", "'*'")]
    [InlineData("A~B", "'~'")]
    public void Write_ValueContainsDelimiter_ThrowsClearException(string value, string shown)
    {
        var segment = X12Segment.Create("NM1", "IL", "1", value);
        var delimiters = X12Delimiters.Default;

        var ex = Assert.Throws<ArgumentException>(() => Write(delimiters, [segment]));

        Assert.Contains("NM103", ex.Message);
        Assert.Contains(shown, ex.Message);
        Assert.Contains("no escape", ex.Message);
    }

    [Fact]
    public void Write_ComponentSeparatorOfTargetInPlainValue_Throws()
    {
        // The segment is built with ':' as component separator; the target uses '>' so a literal '>' is ambiguous.
        var segment = X12Segment.Create("REF", "EI", "A>B");

        var ex = Assert.Throws<ArgumentException>(() => Write(new X12Delimiters('*', '^', '>', '~'), [segment]));

        Assert.Contains("REF02", ex.Message);
    }

    [Fact]
    public void Write_InvalidSegmentId_Throws()
    {
        Assert.Throws<ArgumentException>(() => Write(X12Delimiters.Default, [X12Segment.Create("N-1", "x")]));
    }
}
