using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Schemas;

public sealed class X12SchemaContentTests
{
    private static X12TransactionSchema Dental => SampleFiles.Registry.Find("005010X224A2", "837")!;

    [Theory]
    [InlineData("2010AA", "NM1", 1, "85")]
    [InlineData("2010AB", "NM1", 1, "87")]
    [InlineData("2000A", "HL", 3, "20")]
    [InlineData("2000B", "HL", 3, "22")]
    [InlineData("2000C", "HL", 3, "23")]
    [InlineData("2300", "CLM", 0, null)]
    [InlineData("2400", "LX", 0, null)]
    public void Loop_837Dental_StartsWithItsQualifiedLeadingSegment(string loopId, string segmentId, int element, string? value)
    {
        var loop = Dental.Loop(loopId)!;

        Assert.Equal(segmentId, loop.LeadingSegmentId);
        Assert.Equal(element, loop.LeadingQualifier?.Element ?? 0);
        if (value is not null) Assert.Equal([value], loop.LeadingQualifier!.Values);
    }

    [Theory]
    [InlineData("2300", "CLM", 5, 3, new[] { "1", "7", "8" })]
    [InlineData("2300", "CLM", 19, 0, new[] { "PB" })]
    [InlineData("2400", "SV3", 4, 1, new[] { "00", "01", "02", "09", "10", "20", "30", "40" })]
    [InlineData("2400", "SV3", 5, 0, new[] { "I", "R" })]
    [InlineData("2400", "TOO", 1, 0, new[] { "JP" })]
    [InlineData("2300", "DN2", 2, 0, new[] { "E", "M" })]
    public void Codes_837Dental_HoldTheGuideCodeList(string loopId, string segmentId, int element, int component, string[] codes)
    {
        var rule = Dental.Loop(loopId)!.Children.OfType<X12SegmentRule>().First(r => r.Segment.Id == segmentId);
        var schema = rule.Segment.Element(element)!;
        if (component > 0) schema = schema.Components[component - 1];

        Assert.Equal(codes, schema.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_271ServiceTypes_IncludeDentalCodes()
    {
        var eb = SampleFiles.Registry.Find("005010X279A1", "271")!.Segments["EB"];

        var serviceTypes = eb.Element(3)!;
        Assert.Superset(new HashSet<string> { "23", "24", "25", "26", "27", "28", "35", "36", "37", "38", "39", "40", "41" },
            serviceTypes.Codes.ToHashSet());
        Assert.Equal(99, serviceTypes.Repeat);
        Assert.Contains("32", eb.Element(6)!.Codes);
    }

    [Fact]
    public void SchemaFiles_AreDeterministicallyFormatted()
    {
        foreach (var path in Directory.EnumerateFiles(X12SchemaRegistry.FindSchemasDirectory()!, "*.json"))
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\t', text);
        }
    }

    [Fact]
    public void Load_WrongFormatTag_ThrowsSchemaException()
    {
        var ex = Assert.Throws<X12SchemaException>(() => X12SchemaLoader.Load("""{"format":"other/1"}""", "bad.json"));

        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }
}
