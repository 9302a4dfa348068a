using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Testing.Snapshots;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.Time.Testing;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Claims;

/// <summary>Golden snapshots of the FHIR Claim and its $submit Bundle for every canonical claim case.</summary>
public sealed class FhirClaimBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly FhirClaimBuilder Builder = new(new FakeTimeProvider(Now));
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static TheoryData<string> Cases => [.. FhirClaimCases.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public System.Threading.Tasks.Task Build_Case_MatchesSnapshot(string name)
    {
        var submission = FhirClaimCases.Get(name);
        return Snapshot.Verify(Stable(FhirClaimBuilder.ToJson(Builder.Build(submission)), submission), "json", name, scrub: false);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public System.Threading.Tasks.Task BuildSubmitBundle_Case_MatchesSnapshot(string name)
    {
        var submission = FhirClaimCases.Get(name);
        return Snapshot.Verify(Stable(FhirClaimBuilder.ToJson(Builder.BuildSubmitBundle(submission)), submission), "json", name, scrub: false);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuildSubmitBundle_Case_ParsesBackStrictlyAndValidates(string name)
    {
        ClaimSubmission submission = FhirClaimCases.Get(name);
        var json = FhirClaimBuilder.ToJson(Builder.BuildSubmitBundle(submission));

        var bundle = Strict.Deserialize<Bundle>(json);

        Assert.Empty(bundle.Validate(ModelInfo.ModelInspector));
        var claim = Assert.IsType<Claim>(bundle.Entry[0].Resource);
        Assert.Equal(submission.Claim.Lines.Count, claim.Item.Count);
        Assert.Equal(submission.Claim.Total.Amount, claim.Total!.Value);
        Assert.Equal(json, FhirClaimBuilder.ToJson(bundle));
    }

    /// <summary>
    /// A void is created by the domain with a fresh id, control number and line control numbers; those become stable tokens
    /// (the only scrubbing: dates and every other id stay as sent). Ends with a newline like the other snapshots.
    /// </summary>
    private static string Stable(string json, ClaimSubmission submission)
    {
        var claim = submission.Claim;
        if (claim.Frequency == Domain.Claims.ClaimFrequency.Void)
        {
            json = json.Replace(claim.Id.ToString(), "Generated_ClaimId", StringComparison.Ordinal)
                .Replace($"\"{claim.PatientControlNumber}\"", "\"Generated_PatientControlNumber\"", StringComparison.Ordinal);
            foreach (var line in claim.Lines)
            {
                json = json.Replace($"\"{line.LineControlNumber}\"", $"\"Generated_LineControlNumber_{line.LineNumber}\"", StringComparison.Ordinal);
            }
        }

        return json + "\n";
    }
}
