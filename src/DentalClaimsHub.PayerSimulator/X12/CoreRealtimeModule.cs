using System.Globalization;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// CAQH CORE real-time endpoint: <c>POST /x12/core/realtime</c> with a SOAP 1.2 or MIME envelope. Eligibility scenarios
/// cover the payer's answers (<see cref="Eligibility271Answer"/>) and its failures: HTTP 500, an answer held back past the
/// hub's timeout, a truncated 271, a 271 answering another trace and a SOAP fault. A 276 claim status inquiry is answered
/// with a 277 from the <see cref="Ledger"/> (see <see cref="ClaimStatus277Template"/>).
/// </summary>
public sealed class CoreRealtimeModule(TimeProvider time, CoreCredentials credentials, ClaimLedger? ledger = null) : ISimulatorModule
{
    public const string Path = "/x12/core/realtime";
    public const string EligibilityActive = "x12.eligibility.active";
    public const string EligibilityInactive = "x12.eligibility.inactive";
    public const string EligibilityMemberNotFound = "x12.eligibility.member-not-found";
    public const string EligibilityDeductibleMet = "x12.eligibility.deductible-met";
    public const string EligibilityFrequencyExhausted = "x12.eligibility.frequency-exhausted";
    public const string EligibilityWaitingPeriod = "x12.eligibility.waiting-period";
    public const string EligibilityServerError = "x12.eligibility.payer-500";
    public const string EligibilityTimeout = "x12.eligibility.timeout";
    public const string EligibilityMalformed = "x12.eligibility.malformed";
    public const string EligibilitySoapFault = "x12.eligibility.soap-fault";
    public const string EligibilityOtherTrace = "x12.eligibility.other-trace";
    public const string EligibilityPayerUnable = "x12.eligibility.payer-unable";
    public const string StatusPending = "x12.status.pending";
    public const string StatusFinalized = "x12.status.finalized";
    public const string StatusDenied = "x12.status.denied";
    public const string StatusReject999 = "x12.status.reject-999";
    public const string StatusServerError = "x12.status.payer-500";
    public const string StatusTimeout = "x12.status.timeout";
    private const string Request270 = "X12_270_Request_005010X279A1";
    private const string Response271 = "X12_271_Response_005010X279A1";
    private const string Request276 = "X12_276_Request_005010X212";
    private const string Response277 = "X12_277_Response_005010X212";
    private const string Response999 = "X12_999_Response_005010X231A1";

    private static readonly HashSet<string> PayloadTypes = [Request270, Request276];

    private static readonly Dictionary<string, ClaimStatusAnswer> StatusAnswers = new(StringComparer.Ordinal)
    {
        [StatusPending] = ClaimStatusAnswer.Pending,
        [StatusFinalized] = ClaimStatusAnswer.Finalized,
        [StatusDenied] = ClaimStatusAnswer.Denied,
        [StatusTimeout] = ClaimStatusAnswer.Pending,
    };

    private static readonly Dictionary<string, Eligibility271Answer> Answers = new(StringComparer.Ordinal)
    {
        [EligibilityActive] = Eligibility271Answer.Active,
        [EligibilityInactive] = Eligibility271Answer.Inactive,
        [EligibilityMemberNotFound] = Eligibility271Answer.MemberNotFound,
        [EligibilityDeductibleMet] = Eligibility271Answer.DeductibleMet,
        [EligibilityFrequencyExhausted] = Eligibility271Answer.FrequencyExhausted,
        [EligibilityWaitingPeriod] = Eligibility271Answer.WaitingPeriod,
        [EligibilityTimeout] = Eligibility271Answer.Active,
        [EligibilityMalformed] = Eligibility271Answer.Active,
        [EligibilityOtherTrace] = Eligibility271Answer.Active,
        [EligibilityPayerUnable] = Eligibility271Answer.PayerUnableToRespond,
    };

    public string Protocol => "x12";

    /// <summary>
    /// The claims the payer received, which 276s are answered from. The host passes the ledger its batch endpoint fills;
    /// without one the module keeps its own, empty ledger and every claim is unknown (A4).
    /// </summary>
    public ClaimLedger Ledger { get; set; } = ledger ?? new ClaimLedger();

    /// <summary>
    /// How long the <c>x12.eligibility.timeout</c> and <c>x12.status.timeout</c> scenarios hold their answer back: by default
    /// longer than any sensible hub timeout; tests shorten it so they stay fast.
    /// </summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(60);

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(EligibilityActive, isDefault: true);
        foreach (var scenario in Answers.Keys.Where(s => s != EligibilityActive).Concat([EligibilityServerError, EligibilitySoapFault]))
        {
            scenarios.Register(scenario);
        }

        scenarios.Register(StatusPending, isDefault: true);
        foreach (var scenario in StatusAnswers.Keys.Where(s => s != StatusPending).Concat([StatusReject999, StatusServerError]))
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

        if (envelope.PayloadType == Request276)
        {
            return HandleStatus(envelope, scenarios);
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

    private SimulatorResponse HandleStatus(CoreEnvelope envelope, ScenarioSelector scenarios)
    {
        ClaimStatus276 inquiry;
        try
        {
            inquiry = ClaimStatus276.From(X12Message.Parse(envelope.Payload!));
        }
        catch (FormatException exception)
        {
            return Respond(envelope, Response277, string.Empty, "PayloadIllegal", exception.Message);
        }

        var scenario = scenarios.Select("x12.status", inquiry.MemberId);
        switch (scenario)
        {
            case StatusServerError:
                return SimulatorResponse.Text(500, "text/html; charset=utf-8", "<html><body><h1>Internal Server Error</h1></body></html>");
            case StatusReject999:
                var rejection = ClaimStatus277Template.Reject999(inquiry, time.GetUtcNow());
                return Respond(envelope, Response999, rejection, CoreErrorCodes.Success, "None");
        }

        var payload = ClaimStatus277Template.Build(inquiry, Ledger, StatusAnswers[scenario], time.GetUtcNow());
        var response = Respond(envelope, Response277, payload, CoreErrorCodes.Success, "None");
        return scenario == StatusTimeout ? response with { Delay = SlowAnswerDelay } : response;
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
