using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Fhir;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class FhirSimulatorTests : SimulatorTestBase
{
    private const string Request = """
        {
          "resourceType": "CoverageEligibilityRequest",
          "id": "cer-1",
          "status": "active",
          "purpose": ["benefits"],
          "patient": { "reference": "Patient/pat-42", "identifier": { "value": "INACT-7" } },
          "created": "2026-03-15",
          "insurer": { "reference": "Organization/demo-fhir-dental" },
          "insurance": [ { "coverage": { "reference": "Coverage/cov-9" } } ]
        }
        """;

    private const string ByCoverageIdentifier = """
        {
          "resourceType": "CoverageEligibilityRequest",
          "id": "cer-2",
          "identifier": [ { "system": "urn:dentalclaimshub:eligibility-check", "value": "TRACE2" } ],
          "status": "active",
          "purpose": ["validation", "benefits"],
          "patient": { "reference": "Patient/pat-43" },
          "created": "2026-03-15",
          "insurer": { "reference": "Organization/demo-fhir-dental" },
          "insurance": [ { "coverage": { "reference": "Coverage/cov-10", "identifier": { "value": "NOTF-1" } } } ],
          "item": [ { "productOrService": { "coding": [ { "system": "http://www.ada.org/cdt", "code": "D2740" } ] } } ]
        }
        """;

    private async Task<(HttpStatusCode Status, JsonNode Body)> Post(string json, string path = FhirModule.EligibilityPath)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/fhir+json");
        using var response = await Http.PostAsync(path, content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Metadata_Get_ReturnsR4CapabilityStatement()
    {
        using var response = await Http.GetAsync("/fhir/metadata");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("CapabilityStatement", body["resourceType"]!.GetValue<string>());
        Assert.Equal("4.0.1", body["fhirVersion"]!.GetValue<string>());
        Assert.Contains("CoverageEligibilityRequest", body["rest"]![0]!["resource"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CoverageEligibilityRequest_Post_EchoesPatientInsurerAndCoverage()
    {
        var (status, body) = await Post(Request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CoverageEligibilityResponse", body["resourceType"]!.GetValue<string>());
        Assert.Equal("Patient/pat-42", body["patient"]!["reference"]!.GetValue<string>());
        Assert.Equal("Organization/demo-fhir-dental", body["insurer"]!["reference"]!.GetValue<string>());
        Assert.Equal("CoverageEligibilityRequest/cer-1", body["request"]!["reference"]!.GetValue<string>());
        Assert.Equal("Coverage/cov-9", body["insurance"]![0]!["coverage"]!["reference"]!.GetValue<string>());
        Assert.True(body["insurance"]![0]!["inforce"]!.GetValue<bool>());
        Assert.Equal(1500m, body["insurance"]![0]!["item"]![0]!["benefit"]![0]!["allowedMoney"]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task CoverageEligibilityRequest_MemberPrefixInactive_IsNotInForce()
    {
        Simulator.UseForMemberPrefix("INACT-", FhirModule.EligibilityInactive);

        var (_, body) = await Post(Request);

        Assert.False(body["insurance"]![0]!["inforce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CoverageEligibilityRequest_WrongResource_ReturnsOperationOutcome400()
    {
        var (status, body) = await Post("""{ "resourceType": "Patient" }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
        Assert.Equal("invalid", body["issue"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task CoverageEligibilityRequest_MemberNotFoundByCoverageIdentifier_AnswersErrorOutcomeWithAaa75()
    {
        Simulator.UseForMemberPrefix("NOTF-", FhirModule.EligibilityMemberNotFound);

        var (status, body) = await Post(ByCoverageIdentifier);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", body["outcome"]!.GetValue<string>());
        Assert.Equal("75", body["error"]![0]!["code"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("TRACE2", body["request"]!["identifier"]!["value"]!.GetValue<string>());
        Assert.Null(body["insurance"]);
    }

    [Fact]
    public async Task Submit_CollectionBundle_AnswersTheRequestItCarriesWithItsProcedureItem()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(new JsonObject { ["resource"] = JsonNode.Parse(ByCoverageIdentifier) }),
        };

        var (status, body) = await Post(bundle.ToJsonString(), FhirModule.EligibilitySubmitPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CoverageEligibilityRequest/cer-2", body["request"]!["reference"]!.GetValue<string>());
        Assert.Contains(body["insurance"]![0]!["item"]!.AsArray(),
            i => i!["productOrService"]?["coding"]?[0]?["code"]?.GetValue<string>() == "D2740");
    }

    [Fact]
    public async Task Submit_BareRequestInsteadOfBundle_ReturnsOperationOutcome400()
    {
        var (status, body) = await Post(ByCoverageIdentifier, FhirModule.EligibilitySubmitPath);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$submit expects a Bundle", body["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoverageEligibilityRequest_Payer500_ReturnsOperationOutcome500()
    {
        Simulator.UseForMemberPrefix("NOTF-", FhirModule.EligibilityServerError);

        var (status, body) = await Post(ByCoverageIdentifier);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("exception", body["issue"]![0]!["code"]!.GetValue<string>());
    }
}
