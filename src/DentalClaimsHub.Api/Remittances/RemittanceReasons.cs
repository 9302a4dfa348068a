using System.Globalization;
using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Remittances;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>
/// Turns a payment's adjustment and remark codes into the sentence a billing specialist reads on the claim's timeline:
/// "Denied (CLP02 4): CO-97 (…); remarks N20 (…)". Codes are kept verbatim so the sentence can be searched; the wording of
/// each code comes from <c>schemas/codes</c>.
/// </summary>
public sealed class RemittanceReasons(X12CodeDescriptions codes)
{
    /// <summary>Why the claim ends where it does; null when nothing but contractual and patient shares applied.</summary>
    public string? Describe(ClaimPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var adjustments = Explaining(payment).Select(Adjustment).Distinct().ToList();
        var remarks = Remarks(payment).Select(Remark).ToList();
        var head = payment.Status == ClaimPaymentStatus.Denied ? "Denied (CLP02 4)" : $"Paid {payment.Paid} of {payment.Charge}";
        if (adjustments.Count == 0 && remarks.Count == 0)
        {
            return payment.Status == ClaimPaymentStatus.Denied ? head : null;
        }

        var parts = new List<string>();
        if (adjustments.Count > 0)
        {
            parts.Add(string.Join("; ", adjustments));
        }

        if (remarks.Count > 0)
        {
            parts.Add("remarks " + string.Join("; ", remarks));
        }

        return $"{head}: {string.Join(" — ", parts)}";
    }

    /// <summary><see cref="Describe"/> with the codes it words (<see cref="TimelineReasonCodes.Remittance"/>), for the timeline.</summary>
    public TimelineReason? Reason(ClaimPayment payment)
    {
        if (Describe(payment) is not { } text)
        {
            return null;
        }

        var adjustments = Explaining(payment).Select(a => $"{a.Group.ToX12Code()}-{a.ReasonCode}").Distinct().ToList();
        return new TimelineReason(text, TimelineReasonCodes.Remittance,
        [
            adjustments.FirstOrDefault() ?? "", string.Join(',', adjustments), string.Join(',', Remarks(payment)),
            payment.Paid.Amount.ToString(CultureInfo.InvariantCulture), payment.Charge.Amount.ToString(CultureInfo.InvariantCulture), payment.Charge.Currency,
        ]);
    }

    // The adjustments that explain the outcome: all of a denial's; otherwise not the routine contractual write-off and patient shares.
    private static IEnumerable<Adjustment> Explaining(ClaimPayment payment) =>
        payment.AllAdjustments.Where(a => payment.Status == ClaimPaymentStatus.Denied
            || a.Group is not (AdjustmentGroup.ContractualObligation or AdjustmentGroup.PatientResponsibility)
            || a.ReasonCode is not ("45" or "1" or "2" or "3"));

    private static IEnumerable<string> Remarks(ClaimPayment payment) =>
        payment.RemarkCodes.Concat(payment.ServiceLines.SelectMany(l => l.RemarkCodes)).Distinct();

    /// <summary>One line's adjustments and remarks, for a plan line's decision note; null when there are none.</summary>
    public string? DescribeLine(ServiceLinePayment line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Adjustments.Select(Adjustment).Concat(line.RemarkCodes.Select(Remark)).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private string Adjustment(Adjustment a) => $"{a.Group.ToX12Code()}-{a.ReasonCode}" + (Carc(a.ReasonCode) is { } text ? $" ({text})" : "");

    private string Remark(string code) => code + (Rarc(code) is { } text ? $" ({text})" : "");

    public string? Carc(string code) => codes.Carc(code);

    public string? Rarc(string code) => codes.Rarc(code);
}
