using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// HL hierarchy checks: HL01 numbers are unique, HL02 names the HL of the enclosing level (none at the top), and HL04
/// says whether child levels follow. A wrong reference is reported as IK403 I12 on the element.
/// </summary>
internal static class X12HierarchyRules
{
    public static void Check(IReadOnlyList<X12Loop> loops, X12FindingSink sink)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loop in loops)
        {
            if (LeadingHl(loop) is not { } hl)
                continue;
            if (!seen.Add(hl[1]))
                sink.Element(hl, loop.Id, "I12", 1, null, "628", hl[1], $"HL01 '{hl[1]}' is used by an earlier HL");

            var expectedParent = ParentHl(loop)?[1] ?? "";
            if (!hl.ElementEquals(2, expectedParent))
                sink.Element(hl, loop.Id, "I12", 2, null, "734", hl[2],
                    expectedParent.Length == 0
                        ? $"HL02 '{hl[2]}' names a parent, but loop {loop.Id} is a top level"
                        : $"HL02 '{hl[2]}' should name the enclosing HL '{expectedParent}'");

            var hasChildren = HasHlChild(loop);
            if (hl.ElementEquals(4, hasChildren ? "0" : "1"))
                sink.Element(hl, loop.Id, "I12", 4, null, "736", hl[4],
                    hasChildren ? "HL04 says no child levels follow, but they do" : "HL04 says child levels follow, but none do");
        }
    }

    // The loop's first segment when it is an HL.
    private static X12Segment? LeadingHl(X12Loop loop)
    {
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.SegmentAt(i) is { } first)
                return first.Id == "HL" ? first : null;
        }

        return null;
    }

    // The first own HL of the nearest enclosing loop that starts with an HL.
    private static X12Segment? ParentHl(X12Loop loop)
    {
        for (var parent = loop.Parent; parent is not null; parent = parent.Parent)
        {
            if (LeadingHl(parent) is not null)
                return parent.Segment("HL");
        }

        return null;
    }

    private static bool HasHlChild(X12Loop loop)
    {
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.LoopAt(i) is { } nested && LeadingHl(nested) is not null)
                return true;
        }

        return false;
    }
}
