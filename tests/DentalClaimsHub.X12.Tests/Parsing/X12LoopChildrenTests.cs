using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Parsing;

/// <summary>The node views of a loop (children, own segments, nested loops, every segment) agree with each other.</summary>
public sealed class X12LoopChildrenTests
{
    private readonly X12Transaction _claims = new X12Parser(SampleFiles.Registry).Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single();

    [Fact]
    public void Children_AreStableNodesWhoseParentIsTheLoop()
    {
        var claim = _claims.Loops("2300").First();

        var first = claim.Children.ToList();
        var second = claim.Children.ToList();

        Assert.Equal(first, second);
        Assert.All(first, node => Assert.Same(claim, node.Parent));
        Assert.Same(claim.Children[0], claim.OwnSegments.First());
        Assert.Equal("CLM", Assert.IsType<X12ParsedSegment>(claim.Children[0]).Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => claim.Children[claim.Children.Count]);
    }

    [Fact]
    public void OwnSegmentsAndChildLoops_SplitTheChildrenInOrder()
    {
        var claim = _claims.Loops("2300").First();

        Assert.Equal(claim.Children.OfType<X12ParsedSegment>(), claim.OwnSegments);
        Assert.Equal(claim.Children.OfType<X12Loop>(), claim.ChildLoops);
        Assert.Equal(["CLM", "DTP"], claim.OwnSegments.Take(2).Select(s => s.Id));
        Assert.All(claim.OwnSegments, s => Assert.NotNull(s.Rule));
    }

    [Fact]
    public void AllSegments_IsTheDepthFirstConcatenationOfChildren()
    {
        static IEnumerable<X12ParsedSegment> Flatten(X12Loop loop) =>
            loop.Children.SelectMany(c => c is X12Loop nested ? Flatten(nested) : [(X12ParsedSegment)c]);

        var all = _claims.Segments.ToList();

        Assert.Equal(Flatten(_claims.Root), all);
        Assert.Equal(int.Parse(_claims.Trailer![1], System.Globalization.CultureInfo.InvariantCulture), all.Count);
        Assert.Equal(all.Select(s => s.Segment.Ordinal).Order(), all.Select(s => s.Segment.Ordinal));
    }

    [Fact]
    public void Descendants_ListsParentsBeforeTheirChildren()
    {
        static IEnumerable<X12Loop> Walk(X12Loop loop) => loop.ChildLoops.SelectMany(c => new[] { c }.Concat(Walk(c)));

        Assert.Equal(Walk(_claims.Root), _claims.Root.Descendants());
        Assert.Equal(6, _claims.Loops("2300").Count());
    }

    [Fact]
    public void FirstLoop_IsTheFirstOfLoopsWithTheSameId()
    {
        var ids = _claims.Root.Descendants().Select(l => l.Id).Distinct().ToList();
        var claim = _claims.Loops("2300").Skip(1).First();

        Assert.True(ids.Count > 5, $"only {ids.Count} loop ids");
        Assert.All(ids, id => Assert.Same(_claims.Loops(id).FirstOrDefault(), _claims.FirstLoop(id)));
        Assert.All(ids, id => Assert.Same(claim.Loops(id).FirstOrDefault(), claim.FirstLoop(id)));
        Assert.Null(_claims.FirstLoop("9999"));
        Assert.Null(_claims.FirstLoop("ST"));
    }
}
