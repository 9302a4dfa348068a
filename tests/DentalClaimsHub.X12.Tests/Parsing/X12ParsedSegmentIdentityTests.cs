using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Parsing;

/// <summary>
/// A parse keeps segments as compact rows and creates their objects on first use: whoever asks first, and from
/// whichever thread, every view of the document hands out the same instances with the same content.
/// </summary>
public sealed class X12ParsedSegmentIdentityTests
{
    private readonly X12Parser _parser = new(SampleFiles.Registry);

    [Fact]
    public void Segments_TreeAskedFirst_DocumentListHoldsTheSameInstances()
    {
        var document = _parser.Parse(SampleFiles.Read("837D-claims.x12"));
        var tx = document.Transactions.Single();

        var fromTree = tx.Segments.Select(s => s.Segment).ToList();
        var fromDocument = document.Segments.Where(s => s.Ordinal >= tx.Header.Ordinal && s.Ordinal <= tx.Trailer!.Ordinal).ToList();

        Assert.Equal(fromTree.Count, fromDocument.Count);
        Assert.All(fromTree.Zip(fromDocument), pair => Assert.Same(pair.First, pair.Second));
        Assert.Same(tx.Header, fromTree[0]);
        Assert.Same(tx.Trailer, fromTree[^1]);
    }

    [Fact]
    public void Segments_ReadBySeveralThreadsAtOnce_AreOneInstanceEach()
    {
        var document = _parser.Parse(SampleFiles.Read("835-remittance.x12"));
        var claims = document.Transactions.SelectMany(t => t.Loops("2100")).ToList();

        var seen = new X12Segment?[8][];
        Parallel.For(0, seen.Length, run => seen[run] = [.. claims.Select(c => c.Segment("CLP")).Concat(document.Segments)]);

        Assert.All(seen, run => Assert.Equal(seen[0]!, run!, ReferenceEqualityComparer.Instance));
        Assert.Equal("PCN1001", claims[0].Segment("CLP")![1]);
    }

    [Fact]
    public void Segment_QueryByQualifier_MatchesWithoutAndAfterCreatingTheSegment()
    {
        var claim = _parser.Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single().Loops("2300")
            .Single(l => l.Segment("CLM")![1] == "PCN1001R");

        var byQualifier = claim.Segment("REF", 1, "F8");
        var created = claim.Segments("REF").ToList();

        Assert.NotNull(byQualifier);
        Assert.Contains(byQualifier, created);
        Assert.Same(byQualifier, claim.Segment("REF", 1, "F8"));
        Assert.Null(claim.Segment("REF", 1, "ZZ"));
        Assert.Null(claim.Segment("REF", 0, "F8"));
        Assert.Same(claim.Segments("REF").First(), claim.Segment("REF", 0, ""));
    }

    [Fact]
    public void SegmentList_OwnSegmentsOfOneKind_AreWhatSegmentsGivesAndNoneIsEmpty()
    {
        var tx = _parser.Parse(SampleFiles.Read("837D-claims.x12")).Transactions.Single();
        var claim = tx.Loops("2300").Single(l => l.Segment("CLM")![1] == "PCN1001R");

        Assert.Equal(claim.Segments("REF"), claim.SegmentList("REF"), ReferenceEqualityComparer.Instance);
        Assert.Equal("DNCLM26030900123", Assert.Single(claim.SegmentList("REF"))[2]);
        Assert.Empty(claim.SegmentList("ZZZ"));
        Assert.Same(claim.SegmentList("ZZZ"), tx.Loops("2400").First().SegmentList("ZZY"));
        // Own segments only: the 2400 lines' SV3 belong to their loops, not to the claim.
        Assert.Empty(claim.SegmentList("SV3"));
        Assert.NotEmpty(tx.Loops("2400").First().SegmentList("SV3"));
    }

    [Fact]
    public void Parse_InterchangesWithDifferentDelimitersAndNonAsciiText_KeepsEachSegmentsOwnText()
    {
        var first = SampleFiles.Read("837D-claims.x12").Replace("\r", "").Replace("\n", "");
        var second = first.Replace('*', '|').Replace('~', '\n').Replace("AMARA", "AMÁRA");

        var document = _parser.Parse(first + second);

        Assert.Equal(2, document.Interchanges.Count);
        var patients = document.Transactions.Select(t => t.Loops("2010CA").Single().Segment("NM1")!).ToList();
        Assert.Equal(["AMARA", "AMÁRA"], patients.Select(nm1 => nm1[4]));
        Assert.Equal(['*', '|'], patients.Select(nm1 => nm1.Delimiters.Element));
        Assert.Equal(
            document.Transactions.First().Segments.Select(s => s.Segment.Elements.Length),
            document.Transactions.Last().Segments.Select(s => s.Segment.Elements.Length));
        Assert.DoesNotContain(document.Issues, i => i.Severity == X12IssueSeverity.Error);
    }

    [Fact]
    public void Parse_ManyInterchanges_PastEveryPageAndChunkBoundary_KeepsEverySegmentAndLoop()
    {
        // Rows, loops, entries, text blocks and slots start small and grow: 1,000 copies of the 837D cross every first-page
        // growth and many full pages (tens of thousands of segments and loops, megabytes of text).
        var one = _parser.Parse(SampleFiles.Read("837D-claims.x12"));
        const int copies = 1_000;
        var many = _parser.Parse(string.Concat(Enumerable.Repeat(SampleFiles.Read("837D-claims.x12"), copies)));

        Assert.Equal(one.Segments.Count * copies, many.Segments.Count);
        Assert.True(many.Segments.Count > 20_000, $"only {many.Segments.Count} segments");
        var expected = one.Segments.Select(s => string.Join('*', s.Elements)).ToList();
        for (var i = 0; i < many.Segments.Count; i++)
        {
            Assert.Equal(expected[i % expected.Count], string.Join('*', many.Segments[i].Elements));
        }

        var claims = many.Transactions.SelectMany(t => t.Loops("2300")).ToList();
        Assert.Equal(one.Transactions.Single().Loops("2300").Count() * copies, claims.Count);
        var loops = many.Transactions.Sum(t => t.Root.Descendants().Count());
        Assert.Equal(one.Transactions.Single().Root.Descendants().Count() * copies, loops);
        Assert.True(loops > 16 * 1024, $"only {loops} loops");

        var seen = new X12Segment?[4][];
        Parallel.For(0, seen.Length, run => seen[run] = [.. claims.Select(c => c.Segment("CLM")).Concat(many.Segments)]);
        Assert.All(seen, run => Assert.Equal(seen[0]!, run!, ReferenceEqualityComparer.Instance));
        Assert.DoesNotContain(many.Issues, i => i.Severity == X12IssueSeverity.Error);
    }
}
