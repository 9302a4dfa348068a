using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Writing;

public class X12RoundTripPropertyTests
{
    private static readonly char[] DelimiterPool = ['*', '|', '^', '~', ':', '>', '{', '!', '\'', '\x1C', '\x1D', '\x1E', '\x1F', '\n'];
    private const string ValueChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-/#&";

    [Fact]
    public void Write_RandomSegmentsAndDelimiters_ReadsBackIdenticalAndRewritesSameBytes()
    {
        var random = new Random(20260115);
        for (var run = 0; run < 300; run++)
        {
            var picked = DelimiterPool.OrderBy(_ => random.Next()).Take(4).ToArray();
            var delimiters = new X12Delimiters(picked[0], picked[1], picked[2], picked[3]);
            var body = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomSegment(random, delimiters)).ToList();

            var first = WriteInterchange(delimiters, body);
            using var reader = X12Reader.Open(new MemoryStream(first));
            var read = reader.ReadAll().ToList();
            var second = Write(delimiters, read);

            Assert.Empty(reader.Issues);
            Assert.Equal(delimiters, reader.Delimiters);
            Assert.Equal(body.Select(s => s.Elements), read.Skip(3).Take(body.Count).Select(s => s.Elements));
            Assert.Equal(first, second);
        }
    }

    private static X12Segment RandomSegment(Random random, X12Delimiters d)
    {
        var id = "N" + (char)('A' + random.Next(26)) + (random.Next(2) == 0 ? "" : random.Next(10).ToString());
        var elements = Enumerable.Range(0, random.Next(1, 12)).Select(i =>
        {
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(random, random.Next(0, 8)));
            return string.Join(random.Next(3) == 0 ? d.Repetition : d.Component, parts);
        }).ToList();
        elements[^1] = Value(random, random.Next(1, 8)); // no trailing empty element
        return X12Segment.Create(d, id, [.. elements]);
    }

    private static string Value(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => ValueChars[random.Next(ValueChars.Length)]).ToArray());

    private static byte[] WriteInterchange(X12Delimiters delimiters, List<X12Segment> body)
    {
        var output = new MemoryStream();
        using (var writer = new X12Writer(output, delimiters, new X12WriterOptions { LeaveOpen = true }))
        {
            var envelope = new X12EnvelopeWriter(writer, new SequentialControlNumberSource(), FixedTimeProvider.Default);
            envelope.BeginInterchange(new X12InterchangeHeader("ZZ", "A", "ZZ", "B"));
            envelope.BeginGroup("HC", "A", "B", "005010X224A2");
            envelope.BeginTransaction("837", "005010X224A2");
            body.ForEach(envelope.Write);
            envelope.EndTransaction();
            envelope.EndGroup();
            envelope.EndInterchange();
        }

        return output.ToArray();
    }

    private static byte[] Write(X12Delimiters delimiters, List<X12Segment> segments)
    {
        var output = new MemoryStream();
        using (var writer = new X12Writer(output, delimiters, new X12WriterOptions { LeaveOpen = true }))
        {
            segments.ForEach(writer.Write);
        }

        return output.ToArray();
    }
}
