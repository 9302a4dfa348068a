using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Dms.Reference;

/// <summary>What the hub makes of the codes insurer registries really carry: look-alikes folded, names from the reference.</summary>
public sealed class DmsReferenceSnapshotTests
{
    private static readonly DmsReference Reference = new(Path.Combine(RepositoryPaths.Schemas, "dms"));

    [Fact]
    public Task TryNormaliseService_RegistryCodes_MatchVerifiedText()
    {
        string[] raw =
        [
            "A16.07.002", "А16.07.002", "а16.07.002.009", "A16,07,030,001", " A06.07.003 ", "А16.О7.008.002", "В01.065.001",
            "B01.О66.001", "В01.067.ОО1", "ВОЗ.003.001", "B01.003.004.002", "A16.07.002.999", "A16.07", "пломба",
        ];

        return Snapshot.Verify(string.Join("", raw.Select(DescribeService)), scrub: false);
    }

    [Fact]
    public Task TryNormaliseDiagnosis_RegistryCodes_MatchVerifiedText()
    {
        string[] raw = ["K02.1", "К02.1", "k02.1", "КО4.0", "К045", "K05,3", "К08.О", "K02", "K04.01", "K02.7", "Z01.2", "S02.5", "кариес"];

        return Snapshot.Verify(string.Join("", raw.Select(DescribeDiagnosis)), scrub: false);
    }

    private static string DescribeService(string raw) =>
        Reference.TryNormaliseService(raw, out var code)
            ? Line(raw, code.Value, Reference.ServiceName(code) ?? "(not in the dental subset)")
            : Line(raw, "-", "(not an 804н code)");

    private static string DescribeDiagnosis(string raw)
    {
        if (!Reference.TryNormaliseDiagnosis(raw, out var code))
            return Line(raw, "-", "(not an МКБ-10 code)");

        var billable = Reference.IsBillableDiagnosis(code) ? "billable" : "too broad";
        return Line(raw, code.Value, $"{billable}  {Reference.DiagnosisName(code) ?? "(not in the list)"}");
    }

    private static string Line(string raw, string code, string text) => $"{"'" + raw + "'",-20} {code,-16} {text}\n";
}
