namespace DentalClaimsHub.X12.Writing;

/// <summary>The parties and flags of an ISA segment; the writer pads every field to its fixed width.</summary>
/// <param name="SenderQualifier">ISA05, 2 characters (for example <c>ZZ</c> or <c>30</c>).</param>
/// <param name="SenderId">ISA06, up to 15 characters.</param>
/// <param name="ReceiverQualifier">ISA07, 2 characters.</param>
/// <param name="ReceiverId">ISA08, up to 15 characters.</param>
/// <param name="Production">ISA15: true for <c>P</c> (production), false for <c>T</c> (test).</param>
/// <param name="AcknowledgmentRequested">ISA14: true for <c>1</c> (a TA1 is requested), false for <c>0</c>.</param>
public sealed record X12InterchangeHeader(
    string SenderQualifier,
    string SenderId,
    string ReceiverQualifier,
    string ReceiverId,
    bool Production = false,
    bool AcknowledgmentRequested = false)
{
    /// <summary>ISA01, 2 characters (<c>00</c>: no authorization information).</summary>
    public string AuthorizationQualifier { get; init; } = "00";

    /// <summary>ISA02, up to 10 characters.</summary>
    public string AuthorizationInformation { get; init; } = "";

    /// <summary>ISA03, 2 characters (<c>00</c>: no security information).</summary>
    public string SecurityQualifier { get; init; } = "00";

    /// <summary>ISA04, up to 10 characters.</summary>
    public string SecurityInformation { get; init; } = "";

    /// <summary>ISA12, the interchange control version (<c>00501</c> for 5010).</summary>
    public string Version { get; init; } = "00501";
}
