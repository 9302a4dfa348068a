using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>The running deductible and maximum while <see cref="EstimateCalculator"/> walks a treatment plan.</summary>
internal sealed class PlanState(EligibilityResult result, BenefitNetwork network)
{
    private Money? _deductibleLeft = Remaining(result, BenefitKind.Deductible, network);
    private Money? _maximumLeft = result.RemainingMaximum(network);

    public EstimateLine Estimate(PlannedProcedure p)
    {
        var reasons = new List<EstimateReason>();
        var allowed = p.AllowedAmount is { } a && a < p.Fee ? a : p.Fee;
        if (allowed < p.Fee)
        {
            reasons.Add(new(EstimateReasonKind.NetworkDiscount, Amount: p.Fee - allowed));
        }

        var category = p.Procedure.System == ProcedureCodeSystem.Cdt ? p.Procedure.AsCdt().ToBenefitCategory() : BenefitCategory.DentalCare;
        var payer = PayerShare(p.Procedure, category, allowed, reasons);
        if (_maximumLeft is { } max && payer > max)
        {
            reasons.Add(new(EstimateReasonKind.MaximumReached, Amount: payer - max));
            payer = max;
        }

        _maximumLeft = _maximumLeft is { } m ? m - payer : null;
        return new EstimateLine(p.Procedure, p.Fee, payer, allowed - payer, reasons, p.Tooth, p.Surfaces);
    }

    private Money PayerShare(ProcedureCode code, BenefitCategory category, Money allowed, List<EstimateReason> reasons)
    {
        var zero = Money.Zero(allowed.Currency);
        if (result.Status != CoverageStatus.Active)
        {
            reasons.Add(new(EstimateReasonKind.NotCovered, $"coverage {result.Status}"));
            return zero;
        }

        var excluded = result.Benefits.FirstOrDefault(b => b.Kind is BenefitKind.NonCovered or BenefitKind.Exclusion
            && (b.Category == category || (b.Category == BenefitCategory.DentalCare && b.ProcedureCodes.Count > 0)) && b.AppliesTo(code));
        if (excluded is not null)
        {
            reasons.Add(new(excluded.Kind == BenefitKind.Exclusion ? EstimateReasonKind.Exclusion : EstimateReasonKind.NotCovered, excluded.Note));
            return zero;
        }

        if (Waiting(code, category) is { } waiting)
        {
            reasons.Add(new(EstimateReasonKind.WaitingPeriod, waiting.Note ?? Describe(waiting)));
            return zero;
        }

        if (FrequencyUsedUp(code, category) is { } used)
        {
            reasons.Add(new(EstimateReasonKind.FrequencyLimit, used.Note ?? "no covered services left in the frequency period"));
            return zero;
        }

        if (CoPay(code, category) is { } copay)
        {
            var patientPays = Money.Min(copay, allowed);
            reasons.Add(new(EstimateReasonKind.CoPay, Amount: patientPays));
            return allowed - patientPays;
        }

        if (result.CoInsurancePercent(category, network) is not { } patientPercent)
        {
            reasons.Add(new(EstimateReasonKind.NoBenefitInformation, category.ToString()));
            return zero;
        }

        var deductible = Deductible(category, allowed);
        if (!deductible.IsZero)
        {
            reasons.Add(new(EstimateReasonKind.Deductible, Amount: deductible));
        }

        var payer = (allowed - deductible).Percent(100m - patientPercent);
        reasons.Add(new(EstimateReasonKind.CoInsurance, $"{patientPercent}%", allowed - deductible - payer));
        return payer;
    }

    // A waiting period the payer states for this category or code means it is not covered yet.
    private BenefitLine? Waiting(ProcedureCode code, BenefitCategory category) =>
        Lines(BenefitKind.WaitingPeriod, code, category).FirstOrDefault();

    // HSD "remaining" with quantity 0 (X12 HSD05 = 29 / FHIR allowed − used = 0): the frequency limit is reached.
    private BenefitLine? FrequencyUsedUp(ProcedureCode code, BenefitCategory category) =>
        Lines(BenefitKind.Frequency, code, category).FirstOrDefault(b => b.Period == BenefitPeriod.Remaining && b.Quantity is 0m);

    // Only a co-pay stated for this code or this very category: a plan-wide "per visit" co-pay is not per procedure.
    private Money? CoPay(ProcedureCode code, BenefitCategory category) =>
        Lines(BenefitKind.CoPay, code, category).Where(b => b.ProcedureCodes.Count > 0 || b.Category == category)
            .Select(b => b.Amount).FirstOrDefault(a => a is not null);

    // Lines of a kind that name this code, or (naming no codes) this category or dental care as a whole.
    private IEnumerable<BenefitLine> Lines(BenefitKind kind, ProcedureCode code, BenefitCategory category) =>
        result.Find(kind, network: network)
            .Where(b => b.ProcedureCodes.Count > 0
                ? b.ProcedureCodes.Contains(code)
                : b.Category == category || b.Category == category.Broader() || b.Category == BenefitCategory.DentalCare)
            .OrderBy(b => b.ProcedureCodes.Count > 0 ? 0 : b.Category == category ? 1 : b.Category == BenefitCategory.DentalCare ? 3 : 2);

    private static string Describe(BenefitLine waiting) =>
        waiting.CoveredFrom is { } from ? $"waiting period: covered from {from:yyyy-MM-dd}"
        : waiting.Quantity is { } quantity ? $"waiting period of {quantity:0.##} {waiting.Period.ToString().ToLowerInvariant()}"
        : "waiting period not yet served";

    // A category-level deductible line with a zero amount means the plan waives it there (typical for preventive).
    private Money Deductible(BenefitCategory category, Money allowed)
    {
        var own = result.Find(BenefitKind.Deductible, category, network).FirstOrDefault(b => b.Category == category);
        if (own is { Amount.IsZero: true } || _deductibleLeft is not { } left)
        {
            return Money.Zero(allowed.Currency);
        }

        var applied = Money.Min(left, allowed);
        _deductibleLeft = left - applied;
        return applied;
    }

    private static Money? Remaining(EligibilityResult result, BenefitKind kind, BenefitNetwork network) =>
        result.Find(kind, BenefitCategory.DentalCare, network)
            .Where(b => b.Period is not (BenefitPeriod.Lifetime or BenefitPeriod.LifetimeRemaining))
            .OrderBy(b => b.CoverageLevel == CoverageLevel.Individual ? 0 : 1)
            .ThenBy(b => b.Remaining is null ? 1 : 0) // what is left this year beats the plan's full amount
            .Select(b => b.Remaining ?? b.Amount)
            .FirstOrDefault(m => m is not null);
}
