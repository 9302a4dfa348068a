namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>A batch file the simulator accepted on <c>/x12/core/batch</c>.</summary>
/// <param name="ReceiptId">The receipt id the simulator answered with.</param>
/// <param name="PayloadId">The sender's PayloadID.</param>
/// <param name="PayloadType">The CORE payload type, e.g. <c>X12_837_Request_005010X224A2</c>.</param>
/// <param name="Payload">The X12 file as received.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record BatchSubmission(string ReceiptId, string PayloadId, string PayloadType, string Payload, DateTimeOffset ReceivedAt);
