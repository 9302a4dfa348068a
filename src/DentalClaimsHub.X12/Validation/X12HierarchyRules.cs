using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// HL hierarchy checks: HL01 numbers are unique, HL02 names the HL of the enclosing level (none at the top), and HL04
/// says whether child levels follow. A wrong reference is reported as IK403 I12 on the element.
/// </summary>
internal static class X12HierarchyRules
{
    public static void Check(X12Transaction transaction, X12FindingSink sink)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loop in transaction.Root.Descendants())
        {
            if (loop.OwnSegments.FirstOrDefault() is not { Id: "HL" } first)
                continue;
            var hl = first.Segment;
            if (!seen.Add(hl[1]))
                sink.Element(hl, loop.Id, "I12", 1, null, "628", hl[1], $"HL01 '{hl[1]}' is used by an earlier HL");

            var parent = Ancestors(loop).FirstOrDefault(l => l.OwnSegments.FirstOrDefault()?.Id == "HL");
            var expectedParent = parent?.Segment("HL")?[1] ?? "";
            if (hl[2] != expectedParent)
                sink.Element(hl, loop.Id, "I12", 2, null, "734", hl[2],
                    expectedParent.Length == 0
                        ? $"HL02 '{hl[2]}' names a parent, but loop {loop.Id} is a top level"
                        : $"HL02 '{hl[2]}' should name the enclosing HL '{expectedParent}'");

            var hasChildren = loop.ChildLoops.Any(l => l.OwnSegments.FirstOrDefault()?.Id == "HL");
            if (hl[4] == (hasChildren ? "0" : "1"))
                sink.Element(hl, loop.Id, "I12", 4, null, "736", hl[4],
                    hasChildren ? "HL04 says no child levels follow, but they do" : "HL04 says child levels follow, but none do");
        }
    }

    private static IEnumerable<X12Loop> Ancestors(X12Loop loop)
    {
        for (var parent = loop.Parent; parent is not null; parent = parent.Parent)
            yield return (X12Loop)parent;
    }
}
