using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Api.Tests.Eligibility.X12;

/// <summary>Eligibility requests for an X12 payer (see <see cref="EligibilityChecks"/>) and the 270s the simulator received.</summary>
public static class X12Checks
{
    public const string DemoPayer = "demo-x12-dental";

    public static EligibilityRequest Request(string memberId, string payerId = DemoPayer, params string[] procedureCodes) =>
        EligibilityChecks.RequestFor(payerId, memberId, procedureCodes);

    /// <summary>The 270 envelopes the simulator received for <paramref name="memberId"/>, oldest first.</summary>
    public static IReadOnlyList<string> Received(PayerSimulator.PayerSimulator simulator, string memberId) =>
        [.. simulator.Received(CoreRealtimeModule.Path).Select(r => r.BodyText)
            .Where(body => body.Contains(MemberRef(memberId), StringComparison.Ordinal))];

    /// <summary>How the 270 names the member: 2100C NM1 NM108 MI, NM109 the id.</summary>
    public static string MemberRef(string memberId) => $"*MI*{memberId}";
}
