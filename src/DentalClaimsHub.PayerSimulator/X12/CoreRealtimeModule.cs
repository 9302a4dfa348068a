using System.Globalization;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// CAQH CORE real-time endpoint: <c>POST /x12/core/realtime</c> with a SOAP 1.2 or MIME envelope. Eligibility scenarios
/// cover the payer's answers (<see cref="Eligibility271Answer"/>) and its failures: HTTP 500, an answer held back past the
/// hub's timeout, a truncated 271, a 271 answering another trace and a SOAP fault.
/// </summary>
public sealed class CoreRealtimeModule(TimeProvider time, CoreCredentials credentials) : ISimulatorModule
{
    public const string Path = "/x12/core/realtime";
    public const string EligibilityActive = "x12.eligibility.active";
    public const string EligibilityInactive = "x12.eligibility.inactive";
    public const string EligibilityMemberNotFound = "x12.eligibility.member-not-found";
    public const string EligibilityDeductibleMet = "x12.eligibility.deductible-met";
    public const string EligibilityFrequencyExhausted = "x12.eligibility.frequency-exhausted";
    public const string EligibilityServerError = "x12.eligibility.payer-500";
    public const string EligibilityTimeout = "x12.eligibility.timeout";
    public const string EligibilityMalformed = "x12.eligibility.malformed";
    public const string EligibilitySoapFault = "x12.eligibility.soap-fault";
    public const string EligibilityOtherTrace = "x12.eligibility.other-trace";
    public const string EligibilityPayerUnable = "x12.eligibility.payer-unable";
    private const string Request270 = "X12_270_Request_005010X279A1";
    private const string Response271 = "X12_271_Response_005010X279A1";

    private static readonly HashSet<string> PayloadTypes = [Request270];

    private static readonly Dictionary<string, Eligibility271Answer> Answers = new(StringComparer.Ordinal)
    {
        [EligibilityActive] = Eligibility271Answer.Active,
        [EligibilityInactive] = Eligibility271Answer.Inactive,
        [EligibilityMemberNotFound] = Eligibility271Answer.MemberNotFound,
        [EligibilityDeductibleMet] = Eligibility271Answer.DeductibleMet,
        [EligibilityFrequencyExhausted] = Eligibility271Answer.FrequencyExhausted,
        [EligibilityTimeout] = Eligibility271Answer.Active,
        [EligibilityMalformed] = Eligibility271Answer.Active,
        [EligibilityOtherTrace] = Eligibility271Answer.Active,
        [EligibilityPayerUnable] = Eligibility271Answer.PayerUnableToRespond,
    };

    public string Protocol => "x12";

    /// <summary>
    /// How long the <c>x12.eligibility.timeout</c> scenario holds its (active) answer back: by default longer than any
    /// sensible hub timeout; tests shorten it so they stay fast.
    /// </summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(60);

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(EligibilityActive, isDefault: true);
        foreach (var scenario in Answers.Keys.Where(s => s != EligibilityActive).Concat([EligibilityServerError, EligibilitySoapFault]))
        {
            scenarios.Register(scenario);
        }

        routes.Map("POST", Path, request => Handle(request, scenarios));
    }

    private SimulatorResponse Handle(SimulatorRequest request, ScenarioSelector scenarios)
    {
        var (envelope, error) = CoreRequestParser.ParseAndValidate(request, "RealTime", PayloadTypes, credentials);
        if (envelope is null)
        {
            return error!;
        }

        Eligibility270 inquiry;
        try
        {
            inquiry = Eligibility270.From(X12Message.Parse(envelope.Payload!));
        }
        catch (FormatException exception)
        {
            // CORE: an envelope that is fine but carries an unusable payload is answered in-envelope, not as a fault.
            return Respond(envelope, Response271, string.Empty, "PayloadIllegal", exception.Message);
        }

        var scenario = scenarios.Select("x12.eligibility", inquiry.MemberId);
        switch (scenario)
        {
            case EligibilityServerError:
                return SimulatorResponse.Text(500, "text/html; charset=utf-8", "<html><body><h1>Internal Server Error</h1></body></html>");
            case EligibilitySoapFault:
                return CoreResponseWriter.ReceiverFault(envelope.IsSoap, "Eligibility backend failed while processing the request.");
        }

        // other-trace: a valid 271 that answers somebody else's inquiry (as a misrouting gateway would return).
        var answered = scenario == EligibilityOtherTrace ? inquiry with { TraceNumber = "OTHER" + inquiry.TraceNumber } : inquiry;
        var payload = Eligibility271Template.Build(answered, Answers[scenario], time.GetUtcNow());
        if (scenario == EligibilityMalformed)
        {
            // Cut off mid-transaction: no SE, GE or IEA, as when a payer's gateway truncates the payload.
            payload = payload[..(payload.IndexOf("EB*A*", StringComparison.Ordinal) + 5)];
        }

        var response = Respond(envelope, Response271, payload, CoreErrorCodes.Success, "None");
        return scenario == EligibilityTimeout ? response with { Delay = SlowAnswerDelay } : response;
    }

    private SimulatorResponse Respond(CoreEnvelope request, string payloadType, string payload, string code, string message) =>
        CoreResponseWriter.Success(request, "COREEnvelopeRealTimeResponse",
        [
            ("PayloadType", payloadType),
            ("ProcessingMode", "RealTime"),
            ("PayloadID", request.PayloadId!),
            ("TimeStamp", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            ("SenderID", request.ReceiverId!),
            ("ReceiverID", request.SenderId!),
            ("CORERuleVersion", request.CoreRuleVersion!),
            ("Payload", payload),
            ("ErrorCode", code),
            ("ErrorMessage", message),
        ]);
}
