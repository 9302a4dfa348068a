using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>One EB segment with the HSD, DTP and MSG segments that follow it in its 2110 loop.</summary>
internal sealed record X12BenefitSource(
    X12Segment Eb, IReadOnlyList<X12Segment> Frequencies, IReadOnlyList<X12Segment> Dates, IReadOnlyList<string> Messages)
{
    public static X12BenefitSource From(X12Loop loop)
    {
        var eb = loop.Segment("EB") ?? throw new InvalidOperationException($"Loop {loop.Id} has no EB segment.");
        // MSG, HSD and DTP of nested 2115/2120 loops belong to their own subloops; read only this loop's own segments.
        var messages = loop.SegmentList("MSG");
        List<string>? texts = null;
        foreach (var msg in messages)
        {
            if (msg[1].Length > 0)
            {
                (texts ??= new List<string>(messages.Count)).Add(msg[1]);
            }
        }

        return new X12BenefitSource(eb, loop.SegmentList("HSD"), loop.SegmentList("DTP"), texts ?? (IReadOnlyList<string>)[]);
    }
}
