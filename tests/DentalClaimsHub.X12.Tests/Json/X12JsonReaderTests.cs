using System.Text.Json;
using DentalClaimsHub.X12.Json;

namespace DentalClaimsHub.X12.Tests.Json;

public sealed class X12JsonReaderTests
{
    [Fact]
    public void ReadSegments_CompositeAndRepetition_JoinsWithTheDocumentDelimiters()
    {
        const string json = """
            {"delimiters": {"element": "|", "repetition": "}", "component": ">", "segment": "~"},
             "interchanges": [{"header": null, "groups": [{"header": null, "transactions": [{"root": {"loop": "ST", "children": [
               {"segment": "EB", "elements": ["1", "IND", {"repetitions": ["35", "23"]}, "", "", "", "", "", "", "", "", "", ["AD", "D0120"]]}
             ]}}], "trailer": null}], "trailer": null}]}
            """;

        var (delimiters, segments) = X12JsonReader.ReadSegments(json);

        var eb = Assert.Single(segments);
        Assert.Equal(('|', '}', '>'), (delimiters.Element, delimiters.Repetition, delimiters.Component));
        Assert.Equal("35}23", eb[3]);
        Assert.Equal("AD>D0120", eb[13]);
        Assert.Equal(["35", "23"], eb.Repetitions(3));
    }

    [Fact]
    public void ToX12_SegmentWithoutId_ThrowsJsonException()
    {
        const string json = """{"interchanges": [{"header": {"elements": ["00"]}, "groups": []}]}""";

        Assert.Throws<JsonException>(() => X12JsonReader.ToX12(json));
    }
}
