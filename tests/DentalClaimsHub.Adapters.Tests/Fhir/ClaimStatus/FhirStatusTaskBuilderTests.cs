using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Fhir.ClaimStatus;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Tests.Simulator;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;
using Hl7.Fhir.Serialization;
using DentalClaimsHub.Adapters.Tests.Fhir.Claims;
using FhirTask = Hl7.Fhir.Model.Task;

namespace DentalClaimsHub.Adapters.Tests.Fhir.ClaimStatus;

/// <summary>Golden snapshots of the status Task the hub POSTs to a FHIR payer.</summary>
public sealed class FhirStatusTaskBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly FhirStatusTaskBuilder Builder = new(new FixedTime(Now));

    private static PayerProfile Payer => PayerProfileCatalog.LoadOrThrow(Path.Combine(RepositoryPaths.Mappings, "payers"),
        new Dictionary<string, string> { ["SIMULATOR_URL"] = "http://127.0.0.1:5090" }).Get("demo-fhir-dental");

    private static string Json(ClaimStatusQuery query) =>
        FhirEligibilityRequestBuilder.ToJson(Builder.Build(new ClaimStatusInquiry(query, Payer, ClaimStatusRequests.PracticeId))) + "\n";

    [Fact]
    public Task Build_FirstInquiry_MatchesSnapshot() => Snapshot.Verify(Json(ClaimStatusRequests.Query()), "json", scrub: false);

    [Fact]
    public Task Build_PayerClaimNumberKnown_MatchesSnapshot()
    {
        var query = ClaimStatusRequests.Query();
        var known = new ClaimStatusQuery(query.ClaimId, query.PatientControlNumber, query.TotalCharge, query.ServiceFrom, query.ServiceTo,
            new ClaimStatusProvider("Bright Smiles Family Dentistry", null, "12-3456789"), query.Subscriber, payerClaimNumber: "FCN00000042");
        return Snapshot.Verify(Json(known), "json", scrub: false);
    }

    [Fact]
    public void Build_Dependent_CarriesNoPatientData()
    {
        var json = Json(ClaimStatusRequests.Query(dependent: true));

        Assert.DoesNotContain("Morales", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DNX448812001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1985", json, StringComparison.Ordinal);
        Assert.DoesNotContain("2015", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Task_ParsesBackStrictly()
    {
        var strict = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

        var task = strict.Deserialize<FhirTask>(Json(ClaimStatusRequests.Query()))!;

        Assert.Equal((FhirTask.TaskStatus.Requested, FhirTask.TaskIntent.Order), (task.Status, task.Intent));
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/financialtaskcode", "status"),
            (task.Code!.Coding[0].System, task.Code.Coding[0].Code));
        Assert.Equal("PCN1001", task.Focus!.Identifier!.Value);
    }
}
