using CsCheck;
using DentalClaimsHub.X12.Json;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Json;

public sealed class X12JsonRoundTripPropertyTests
{
    private const string Isa = "ISA*00*          *00*          *ZZ*BSFD0001       *ZZ*DNDP1          *260315*1030*^*00501*000000301*0*P*:~\n";

    private static readonly Gen<string> Value = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-"].Array[0, 8].Select(c => new string(c));

    private static readonly Gen<string> Element = Gen.OneOf(
        Value,
        Value.Array[2, 4].Select(parts => string.Join(':', parts)),
        Value.Array[2, 3].Select(parts => string.Join('^', parts)));

    private static readonly Gen<string> Segment = Gen.Select(
        Gen.OneOf("NM1", "REF", "DTP", "CLM", "LX", "SV3", "TOO", "HL", "N3", "ZZZ", "AMT"),
        Element.Array[1, 10],
        (id, elements) => id + "*" + string.Join('*', elements) + "~\n");

    private static readonly Gen<(string Guide, string Set, string[] Body)> Document = Gen.Select(
        Gen.OneOf(("005010X224A2", "837"), ("005010X221A1", "835"), ("005010X279A1", "271"), ("004010X097", "837")),
        Segment.Array[0, 40],
        (guide, body) => (guide.Item1, guide.Item2, body));

    [Fact]
    public void ToX12_GeneratedDocuments_RoundTripThroughJson()
    {
        var parser = new X12Parser(SampleFiles.Registry);

        Document.Sample(doc =>
        {
            var text = Render(doc.Guide, doc.Set, doc.Body);

            var json = X12JsonWriter.ToJsonString(parser.Parse(text));
            var back = X12JsonReader.ToX12(json);

            Assert.Equal(text, back);
            Assert.Equal(json, X12JsonWriter.ToJsonString(parser.Parse(back)));
        }, iter: 300, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    private static string Render(string guide, string set, string[] body) =>
        Isa + $"GS*HC*BSFD0001*DNDP1*20260315*1030*301*X*{guide}~\n" + $"ST*{set}*0001*{guide}~\n" + string.Concat(body) +
        $"SE*{body.Length + 2}*0001~\n" + "GE*1*301~\n" + "IEA*1*000000301~\n";
}
