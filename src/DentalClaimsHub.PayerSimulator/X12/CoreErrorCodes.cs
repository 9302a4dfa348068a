namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>CAQH CORE connectivity error codes (CORE Connectivity Rule vC2.2.0, envelope ErrorCode values).</summary>
public static class CoreErrorCodes
{
    public const string Success = "Success";
    public const string PayloadTypeRequired = "PayloadTypeRequired";
    public const string PayloadTypeIllegal = "PayloadTypeIllegal";
    public const string ProcessingModeRequired = "ProcessingModeRequired";
    public const string ProcessingModeIllegal = "ProcessingModeIllegal";
    public const string PayloadIdRequired = "PayloadIDRequired";
    public const string PayloadIdIllegal = "PayloadIDIllegal";
    public const string TimeStampRequired = "TimeStampRequired";
    public const string TimeStampIllegal = "TimeStampIllegal";
    public const string SenderIdRequired = "SenderIDRequired";
    public const string ReceiverIdRequired = "ReceiverIDRequired";
    public const string CoreRuleVersionRequired = "CORERuleVersionRequired";
    public const string VersionMismatch = "VersionMismatch";
    public const string PayloadRequired = "PayloadRequired";
    public const string UnAuthorized = "UnAuthorized";
    public const string EnvelopeIllegal = "EnvelopeIllegal";
}
