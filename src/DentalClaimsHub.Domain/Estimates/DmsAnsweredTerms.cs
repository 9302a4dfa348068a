using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>
/// The ДМС terms an eligibility answer stated: once the insurer's roster decides, its franchise and sum limit may differ
/// from those stored on the coverage (or the coverage may have none), and an estimate must use what the answer said.
/// </summary>
public static class DmsAnsweredTerms
{
    /// <summary>The franchise (co-insurance line) and sum limit (contract maximum) of the answer, with the stored programme's names.</summary>
    public static DmsTerms Of(EligibilityResult result, DmsTerms? stored)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dental = result.Benefits.Where(b => b.Category == BenefitCategory.DentalCare).ToList();
        var franchise = dental.FirstOrDefault(b => b.Kind == BenefitKind.CoInsurance)?.Percent;
        var limit = dental.FirstOrDefault(b => b.Kind == BenefitKind.Maximum && b.Amount is not null)?.Amount;
        return new DmsTerms(stored?.ProgramCode ?? "—", stored?.ProgramName ?? result.PlanName ?? "—", franchise, limit,
            stored?.ContractNumber, stored?.Policyholder,
            [.. dental.Where(b => b.Kind == BenefitKind.Exclusion && b.Note is not null).Select(b => b.Note!)]);
    }
}
