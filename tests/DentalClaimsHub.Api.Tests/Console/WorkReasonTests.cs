using DentalClaimsHub.Api.AdminConsole.Queue;
using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Api.Tests.Console;

public sealed class WorkReasonTests
{
    [Theory]
    [InlineData(ClaimState.Rejected, "TA1 rejected interchange 000000123 (note code 024)", "TA1 024")]
    [InlineData(ClaimState.Rejected, "999 rejected transaction set 0001 (IK5 R: IK3 CLM at segment 23: 8)", "999 IK5 R")]
    [InlineData(ClaimState.Rejected, "277CA A3:21:IL: Rejected — returned as unprocessable", "277CA A3:21")]
    [InlineData(ClaimState.Rejected, "ClaimResponse error: member not found", "FHIR error")]
    [InlineData(ClaimState.Denied, "Denied (CLP02 4): CO-50 (not medically necessary); N130", "835 CO-50")]
    [InlineData(ClaimState.Denied, "Payer says A7:33 (claim status)", "277 A7:33")]
    [InlineData(ClaimState.Denied, null, "835 denied")]
    [InlineData(ClaimState.Rejected, "something else", "other")]
    public void The_reason_key_names_the_message_and_its_code(ClaimState state, string? text, string key) =>
        Assert.Equal(key, WorkReason.Of(state, text).Key);

    // The same keys the work queue computes in SQL, from a coded entry: its code, the payer's code in its arguments, ДМС or not.
    [Theory]
    [InlineData(ClaimState.Rejected, TimelineReasonCodes.Ta1Rejected, "024", false, "TA1 024")]
    [InlineData(ClaimState.Rejected, TimelineReasonCodes.Ack999Rejected, "", false, "999 IK5 R")]
    [InlineData(ClaimState.Rejected, TimelineReasonCodes.ClaimAckRejected, "A7:21", false, "277CA A7:21")]
    [InlineData(ClaimState.Rejected, TimelineReasonCodes.FhirError, "", false, "FHIR error")]
    [InlineData(ClaimState.Denied, TimelineReasonCodes.ClaimStatus, "F2:88", false, "277 F2:88")]
    [InlineData(ClaimState.Denied, TimelineReasonCodes.Remittance, "CO-50", false, "835 CO-50")]
    [InlineData(ClaimState.Denied, TimelineReasonCodes.Remittance, "", false, "835 denied")]
    [InlineData(ClaimState.Denied, null, "", false, "835 denied")]
    [InlineData(ClaimState.Rejected, TimelineReasonCodes.WrittenOff, "", false, "other")]
    [InlineData(ClaimState.Denied, TimelineReasonCodes.Remittance, "CO-50", true, "ДМС CO-50")]
    [InlineData(ClaimState.Rejected, null, "", true, "ДМС")]
    public void A_coded_reason_keys_like_the_queue(ClaimState state, string? code, string payerCode, bool dms, string key) =>
        Assert.Equal(key, WorkReason.Of(state, code, payerCode, dms).Key);
}
