using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// FHIR R4 payer: <c>GET /fhir/metadata</c>, <c>POST /fhir/CoverageEligibilityRequest</c> and
/// <c>POST /fhir/CoverageEligibilityRequest/$submit</c> (a collection Bundle). Scenarios are chosen by member id.
/// A member the payer does not know is answered like payers fronting X12 systems do: HTTP 200 with a
/// CoverageEligibilityResponse whose outcome is <c>error</c> and whose error carries AAA code 75; an OperationOutcome
/// 4xx is kept for requests the payer cannot process at all (scenario <c>rejected</c>: 422 whose diagnostics quote the
/// member id, as real payers' do).
/// </summary>
public sealed class FhirModule(TimeProvider time) : ISimulatorModule
{
    public const string EligibilityActive = "fhir.eligibility.active";
    public const string EligibilityInactive = "fhir.eligibility.inactive";
    public const string EligibilityMemberNotFound = "fhir.eligibility.member-not-found";
    public const string EligibilityDeductibleMet = "fhir.eligibility.deductible-met";
    public const string EligibilityFrequencyExhausted = "fhir.eligibility.frequency-exhausted";
    public const string EligibilityServerError = "fhir.eligibility.payer-500";
    public const string EligibilityTimeout = "fhir.eligibility.timeout";
    public const string EligibilityMalformed = "fhir.eligibility.malformed";
    public const string EligibilityWrongResource = "fhir.eligibility.wrong-resource";
    public const string EligibilityOtherRequest = "fhir.eligibility.other-request";
    public const string EligibilityRejected = "fhir.eligibility.rejected";
    public const string EligibilityPath = "/fhir/CoverageEligibilityRequest";
    public const string EligibilitySubmitPath = "/fhir/CoverageEligibilityRequest/$submit";
    private const string FhirJson = "application/fhir+json";

    /// <summary>How long the timeout scenario holds its answer back; tests shorten it to stay fast.</summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(60);

    public string Protocol => "fhir";

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(EligibilityActive, isDefault: true);
        foreach (var scenario in (string[])[EligibilityInactive, EligibilityMemberNotFound, EligibilityDeductibleMet,
            EligibilityFrequencyExhausted, EligibilityServerError, EligibilityTimeout, EligibilityMalformed,
            EligibilityWrongResource, EligibilityOtherRequest, EligibilityRejected])
        {
            scenarios.Register(scenario);
        }

        routes.Map("GET", "/fhir/metadata", _ =>
            SimulatorResponse.Json(200, CapabilityStatementDocument.Build(time.GetUtcNow()), FhirJson));
        routes.Map("POST", EligibilityPath, request => Eligibility(request, scenarios, submit: false));
        routes.Map("POST", EligibilitySubmitPath, request => Eligibility(request, scenarios, submit: true));
    }

    private SimulatorResponse Eligibility(SimulatorRequest request, ScenarioSelector scenarios, bool submit)
    {
        var (body, problem) = EligibilityRequestBody.Parse(request.Body, submit);
        if (body is null)
        {
            return Outcome(400, "invalid", problem!);
        }

        var scenario = scenarios.Select("fhir.eligibility", body.MemberId);
        return scenario switch
        {
            EligibilityServerError => Outcome(500, "exception", "Eligibility service failed; try again later."),
            EligibilityRejected => Outcome(422, "business-rule",
                $"Coverage {body.MemberId} is not valid for CoverageEligibilityRequest.servicedDate"),
            EligibilityMalformed => SimulatorResponse.Text(200, FhirJson, "{\"resourceType\": \"CoverageEligibilityRes"),
            EligibilityWrongResource => SimulatorResponse.Json(200, new JsonObject
            {
                ["resourceType"] = "Patient",
                ["id"] = Guid.NewGuid().ToString(),
            }, FhirJson),
            EligibilityTimeout => Answer(body, scenario) with { Delay = SlowAnswerDelay },
            _ => Answer(body, scenario),
        };
    }

    private SimulatorResponse Answer(EligibilityRequestBody body, string scenario) =>
        SimulatorResponse.Json(200, EligibilityResponseDocument.Build(body.Request, scenario, time.GetUtcNow()), FhirJson);

    private static SimulatorResponse Outcome(int status, string code, string diagnostics) => SimulatorResponse.Json(status, new JsonObject
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = diagnostics }),
    }, FhirJson);
}
