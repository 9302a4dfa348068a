using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>
/// Splits planned fees between payer and patient from benefit data. US plans: network allowed amount, exclusions,
/// deductible, co-insurance and the remaining annual maximum, applied line by line in plan order. ДМС: franchise and
/// the policy's sum limit. The result is an estimate, not a promise: payers adjudicate with data we do not see.
/// </summary>
public static class EstimateCalculator
{
    /// <summary>Estimate lines for a US dental plan from an eligibility result.</summary>
    public static IReadOnlyList<EstimateLine> ForPlan(
        EligibilityResult result, IEnumerable<PlannedProcedure> procedures, BenefitNetwork network = BenefitNetwork.InNetwork)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(procedures);
        var state = new PlanState(result, network);
        return procedures.Select(state.Estimate).ToList();
    }

    /// <summary>
    /// Estimate lines for a ДМС policy: a service the programme excludes is the patient's; of the others the franchise
    /// share goes to the patient, the rest to the insurer up to the limit. <paramref name="excludedBy"/> names the
    /// exclusion of the terms that takes a procedure out, if any.
    /// </summary>
    public static IReadOnlyList<EstimateLine> ForDms(DmsTerms terms, IEnumerable<PlannedProcedure> procedures, Money? limitRemaining = null,
        Func<ProcedureCode, string?>? excludedBy = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(procedures);
        var remaining = limitRemaining ?? terms.Limit;
        var lines = new List<EstimateLine>();
        foreach (var p in procedures)
        {
            var reasons = new List<EstimateReason>();
            if (excludedBy?.Invoke(p.Procedure) is { } exclusion)
            {
                reasons.Add(new(EstimateReasonKind.Exclusion, exclusion, p.Fee));
                lines.Add(new EstimateLine(p.Procedure, p.Fee, Money.Zero(p.Fee.Currency), p.Fee, reasons, p.Tooth, p.Surfaces));
                continue;
            }

            var patient = p.Fee.Percent(terms.FranchisePercent ?? 0m);
            if (!patient.IsZero)
            {
                reasons.Add(new(EstimateReasonKind.Franchise, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{terms.FranchisePercent:0.##}%"), patient));
            }

            var payer = p.Fee - patient;
            if (remaining is { } left && payer > left)
            {
                reasons.Add(new(EstimateReasonKind.LimitExhausted, Amount: payer - left));
                patient += payer - left;
                payer = left;
            }

            remaining = remaining is { } r ? r - payer : null;
            lines.Add(new EstimateLine(p.Procedure, p.Fee, payer, patient, reasons, p.Tooth, p.Surfaces));
        }

        return lines;
    }
}
