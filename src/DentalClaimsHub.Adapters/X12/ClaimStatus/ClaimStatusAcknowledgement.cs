using DentalClaimsHub.X12;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>
/// Describes a TA1 or 999 a payer sent instead of a 277: the interchange or the 276 itself was refused, so there is no
/// claim status to read.
/// </summary>
internal static class ClaimStatusAcknowledgement
{
    /// <summary>The acknowledgement's type (TA1 or 999) and a phrase naming its codes, or null when the segments hold neither.</summary>
    public static (string Type, string Text)? Describe(IReadOnlyList<X12Segment> segments)
    {
        // TA1*<ISA13>*date*time*<A|E|R>*<note code>
        if (segments.FirstOrDefault(s => s.Id == "TA1") is { } ta1)
        {
            return ("TA1", $"a TA1 for interchange {ta1[1]} with acknowledgement code {Or(ta1[4])} (note code {Or(ta1[5])})");
        }

        if (!segments.Any(s => s.Id == "ST" && s[1] == "999"))
        {
            return null;
        }

        // AK9 group status; IK5 per transaction; IK3 names the segment in error and IK4 the element.
        var parts = new List<string>();
        if (segments.FirstOrDefault(s => s.Id == "AK9") is { } ak9)
        {
            parts.Add($"group status {Or(ak9[1])}");
        }

        parts.AddRange(segments.Where(s => s.Id == "IK5").Select(ik5 => $"transaction status {Or(ik5[1])}"));
        parts.AddRange(segments.Where(s => s.Id == "IK3").Select(ik3 => $"segment {ik3[1]} at position {ik3[2]} error {Or(ik3[4])}"));
        parts.AddRange(segments.Where(s => s.Id == "IK4").Select(ik4 => $"element {ik4[1]} error {Or(ik4[3])}"));
        return ("999", parts.Count == 0 ? "a 999" : $"a 999 ({string.Join("; ", parts)})");
    }

    private static string Or(string value) => value.Length > 0 ? value : "none";
}
