using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>
/// SNIP level 1 validation: checks the ISA/GS/ST envelopes (fixed widths, values, dates, control numbers, counts, nesting,
/// uniqueness) and basic segment syntax while streaming, and reports the envelope structure it found.
/// </summary>
/// <remarks>Memory grows with the number of envelopes, not with the number of segments. Stateless and thread-safe.</remarks>
public sealed class X12EnvelopeValidator
{
    /// <summary>Reads and validates <paramref name="stream"/>; the stream is left open.</summary>
    public X12EnvelopeReport Validate(Stream stream, X12ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = X12Reader.Open(stream, (options ?? new X12ReaderOptions()) with { LeaveOpen = true });
        return Validate(reader);
    }

    /// <summary>Validates the remaining segments of <paramref name="reader"/>, merging its reading issues into the report.</summary>
    public X12EnvelopeReport Validate(X12Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var walker = new X12EnvelopeWalker();
        var seenIssues = reader.Issues.Count;
        for (var i = 0; i < seenIssues; i++)
        {
            walker.AcceptReaderIssue(reader.Issues[i]);
        }

        while (true)
        {
            var more = reader.TryRead(out var segment);

            // Reader issues are raised while looking for a segment: record them before the segment itself.
            for (; seenIssues < reader.Issues.Count; seenIssues++)
            {
                walker.AcceptReaderIssue(reader.Issues[seenIssues]);
            }

            if (!more)
            {
                break;
            }

            walker.Accept(segment);
        }

        return walker.Finish();
    }

    /// <summary>Validates segments that were read or built elsewhere.</summary>
    public X12EnvelopeReport Validate(IEnumerable<X12Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var walker = new X12EnvelopeWalker();
        foreach (var segment in segments)
        {
            walker.Accept(segment);
        }

        return walker.Finish();
    }
}
