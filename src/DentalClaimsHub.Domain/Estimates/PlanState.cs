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
            .Select(b => b.Remaining ?? b.Amount)
            .FirstOrDefault(m => m is not null);
}
