using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Benchmarks;

/// <summary>The four measured operations, shared by the BenchmarkDotNet suite and the quick throughput runner.</summary>
public static class X12Operations
{
    /// <summary>Tokenize only: segment and element boundaries as spans, no strings. Returns the element count.</summary>
    public static long Tokenize(Stream stream)
    {
        using var tokenizer = new X12Tokenizer(stream, new X12ReaderOptions { LeaveOpen = true });
        long elements = 0;
        while (tokenizer.Next())
        {
            elements += tokenizer.ElementCount;
        }

        return elements;
    }

    /// <summary>Read: materialise every <see cref="X12Segment"/>. Returns the segment count.</summary>
    public static long Read(Stream stream)
    {
        using var reader = X12Reader.Open(stream, new X12ReaderOptions { LeaveOpen = true });
        long count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>SNIP level 1 envelope validation while streaming. Returns the segment count.</summary>
    public static long Validate(Stream stream)
    {
        var report = new X12EnvelopeValidator().Validate(stream);
        if (!report.IsValid)
        {
            throw new InvalidOperationException("Benchmark input is invalid: " + report.Issues[0]);
        }

        return report.SegmentCount;
    }

    private static readonly Lazy<DentalClaimsHub.X12.Schemas.X12SchemaRegistry> Schemas = new(DentalClaimsHub.X12.Schemas.X12SchemaRegistry.LoadDefault);

    /// <summary>Schema-driven parse into the loop tree (interchange → group → transaction → loops). Returns the transaction count.</summary>
    public static long Parse(Stream stream) =>
        new DentalClaimsHub.X12.Parsing.X12Parser(Schemas.Value).Parse(stream).Interchanges.Sum(i => i.Groups.Sum(g => g.Transactions.Count));

    /// <summary>Schema-driven parse into the loop tree plus SNIP 1–3 validation (what an inbound file goes through).</summary>
    public static long ParseAndValidate(Stream stream)
    {
        var report = new DentalClaimsHub.X12.Validation.X12Validator(Schemas.Value).Validate(stream);
        if (!report.IsValid)
        {
            throw new InvalidOperationException("Benchmark input is invalid: " + report.Findings.First(f => f.IsError));
        }

        return report.Findings.Count();
    }

    /// <summary>Write pre-read segments back out. Returns the segment count.</summary>
    public static long Write(IReadOnlyList<X12Segment> segments, X12Delimiters delimiters, Stream output)
    {
        using var writer = new X12Writer(output, delimiters, new X12WriterOptions { LineBreakAfterSegment = true, LeaveOpen = true });
        foreach (var segment in segments)
        {
            writer.Write(segment);
        }

        return writer.SegmentsWritten;
    }

    public static (List<X12Segment> Segments, X12Delimiters Delimiters) Load(byte[] bytes)
    {
        using var reader = X12Reader.Open(new MemoryStream(bytes));
        var segments = reader.ReadAll().ToList();
        return (segments, reader.Delimiters!.Value);
    }
}
