using System.Text.RegularExpressions;
using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Api.AdminConsole.Queue;

/// <summary>
/// Why an item is in the work queue, reduced to a key that groups like with like: the message that said no (TA1, 999,
/// 277CA, 277, 835, FHIR, ДМС) and its code (TA1 note code, 999 IK5 code, STC category:status, the first CARC of a denial).
/// The full text stays on the item; the key is what the counts and the reason filter use.
/// </summary>
public sealed partial record WorkReason(string Source, string Code)
{
    public string Key => Code.Length == 0 ? Source : $"{Source} {Code}";

    public override string ToString() => Key;

    private static readonly string[] Sources = ["ДМС акт", "ДМС", "TA1", "999", "277CA", "277", "835", "FHIR", "other"];

    /// <summary>A key back into its message and code ("999 IK5 R" → 999, IK5 R); an unknown key is all source.</summary>
    public static WorkReason Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var source = Sources.FirstOrDefault(s => key == s || key.StartsWith(s + " ", StringComparison.Ordinal));
        return source is null ? new(key, "") : new(source, key.Length == source.Length ? "" : key[(source.Length + 1)..]);
    }

    /// <summary>
    /// The reason a coded Rejected/Denied timeline entry gives: <paramref name="code"/> is its <see cref="TimelineReasonCodes"/>
    /// code, <paramref name="payerCode"/> the payer's code among its arguments (TA1 note, IK5 code, STC category:status, first
    /// group-CARC), <paramref name="dms"/> whether the payer is a ДМС insurer. The same rules as the work queue's SQL
    /// (<see cref="WorkQueue"/>), for counts made per code in SQL and keyed here.
    /// </summary>
    public static WorkReason Of(ClaimState state, string? code, string payerCode, bool dms)
    {
        ArgumentNullException.ThrowIfNull(payerCode);
        var (source, reason) = code switch
        {
            TimelineReasonCodes.Ta1Rejected => ("TA1", payerCode),
            TimelineReasonCodes.Ack999Rejected => ("999", "IK5 " + (payerCode.Length == 0 ? "R" : payerCode)),
            TimelineReasonCodes.ClaimAckRejected => ("277CA", payerCode),
            TimelineReasonCodes.FhirError => ("FHIR", "error"),
            TimelineReasonCodes.ClaimStatus when payerCode.Length > 0 => ("277", payerCode),
            TimelineReasonCodes.Remittance when payerCode.Length > 0 => (state == ClaimState.Denied ? "835" : "other", payerCode),
            _ => state == ClaimState.Denied ? ("835", "denied") : ("other", ""),
        };
        if (dms)
        {
            return source == "other" || reason.Length == 0 ? new("ДМС", "") : new("ДМС", reason);
        }

        return new(source, reason);
    }

    /// <summary>Reads the reason a claim's last Rejected/Denied timeline entry gives, from its English text (entries written before reasons had codes).</summary>
    public static WorkReason Of(ClaimState state, string? text)
    {
        text ??= "";
        if (text.StartsWith("TA1", StringComparison.Ordinal))
        {
            return new("TA1", Group(Ta1Note(), text));
        }

        if (text.StartsWith("999", StringComparison.Ordinal))
        {
            return new("999", "IK5 " + Group(Ik5(), text, "R"));
        }

        if (text.StartsWith("277CA", StringComparison.Ordinal))
        {
            return new("277CA", Group(Stc(), text));
        }

        if (text.StartsWith("ClaimResponse", StringComparison.Ordinal))
        {
            return new("FHIR", "error");
        }

        if (Carc().Match(text) is { Success: true } carc)
        {
            return new("835", carc.Value);
        }

        if (Stc().Match(text) is { Success: true } stc)
        {
            return new("277", stc.Value);
        }

        return new(state == ClaimState.Denied ? "835" : "other", state == ClaimState.Denied ? "denied" : "");
    }

    private static string Group(Regex regex, string text, string fallback = "") =>
        regex.Match(text) is { Success: true } m ? m.Groups[1].Value : fallback;

    [GeneratedRegex(@"note code (\w+)")]
    private static partial Regex Ta1Note();

    [GeneratedRegex(@"IK5 (\w)")]
    private static partial Regex Ik5();

    // An STC category code and its status code, e.g. A7:21 or A3:116.
    [GeneratedRegex(@"\b((?:A|E|F|P|R|D)\d:\d+)\b")]
    private static partial Regex Stc();

    // A claim adjustment group and reason code, e.g. CO-50, PR-1.
    [GeneratedRegex(@"\b(?:CO|PR|OA|PI|CR)-[A-Z0-9]{1,5}\b")]
    private static partial Regex Carc();
}
