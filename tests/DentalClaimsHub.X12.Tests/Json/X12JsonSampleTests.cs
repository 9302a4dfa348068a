using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Json;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Json;

public sealed class X12JsonSampleTests
{
    private readonly X12Parser _parser = new(SampleFiles.Registry);

    [Theory]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    [MemberData(nameof(SampleFiles.Invalid), MemberType = typeof(SampleFiles))]
    public Task ToJsonString_Sample_MatchesSnapshot(string name)
    {
        var json = X12JsonWriter.ToJsonString(_parser.Parse(SampleFiles.Read(name)));

        return Snapshot.Verify(json + "\n", extension: "json", parameter: name, scrub: false);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    [MemberData(nameof(SampleFiles.Invalid), MemberType = typeof(SampleFiles))]
    public void ToX12_JsonOfSample_ReproducesTheOriginalText(string name)
    {
        var text = SampleFiles.Read(name);

        var roundTripped = X12JsonReader.ToX12(X12JsonWriter.ToJsonString(_parser.Parse(text)));

        Assert.Equal(text, roundTripped);
    }
}
