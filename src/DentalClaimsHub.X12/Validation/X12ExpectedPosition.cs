using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Where a missing segment or loop is reported: the first segment read where it should have been, else the loop's last one.</summary>
internal static class X12ExpectedPosition
{
    public static X12Segment Find(X12Loop loop, X12StructureNode missing, X12Segment leading)
    {
        var children = loop.Schema!.Children;
        var index = IndexOf(children, missing);
        foreach (var child in loop.Children)
        {
            var node = child switch
            {
                X12ParsedSegment { Rule: { } rule } => (X12StructureNode)rule,
                X12Loop { Schema: { } schema } => schema,
                _ => null,
            };
            if (node is not null && IndexOf(children, node) > index)
                return child is X12ParsedSegment segment ? segment.Segment : ((X12Loop)child).OwnSegments.First().Segment;
        }

        return loop.AllSegments().LastOrDefault(s => s.Id != "SE")?.Segment ?? leading;
    }

    private static int IndexOf(IReadOnlyList<X12StructureNode> children, X12StructureNode node)
    {
        for (var i = 0; i < children.Count; i++)
            if (ReferenceEquals(children[i], node)) return i;
        return -1;
    }
}
