using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.Dms.Eligibility;

/// <summary>
/// ДМС insurers answer no inquiries: coverage is what their roster and the policy terms say. Until roster import
/// exists this reads the terms stored on the coverage (program, validity, franchise, limit, exclusions).
/// </summary>
public sealed class DmsEligibilityAdapter(TimeProvider time) : IEligibilityAdapter
{
    public PayerProtocol Protocol => PayerProtocol.Dms;

    public Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken)
    {
        var coverage = inquiry.Coverage;
        var date = inquiry.Check.ServiceDate;
        var terms = coverage.Dms;
        var active = coverage.IsActiveOn(date);
        var dentalExcluded = terms?.Exclusions.Any(DmsExclusions.ExcludesDentistry) == true;
        var benefits = new List<BenefitLine>
        {
            new()
            {
                Kind = active && !dentalExcluded ? BenefitKind.ActiveCoverage : BenefitKind.InactiveCoverage,
                Category = BenefitCategory.DentalCare,
                Note = terms is null ? null : $"{terms.ProgramCode} — {terms.ProgramName}",
            },
        };
        if (terms?.FranchisePercent is { } franchise)
        {
            benefits.Add(new BenefitLine
            {
                Kind = BenefitKind.CoInsurance,
                Category = BenefitCategory.DentalCare,
                Percent = franchise,
                Note = $"Франшиза {franchise:0.##}%",
            });
        }

        if (terms?.Limit is { } limit)
        {
            benefits.Add(new BenefitLine
            {
                Kind = BenefitKind.Maximum,
                Category = BenefitCategory.DentalCare,
                Period = BenefitPeriod.Contract,
                Amount = limit,
                Note = "Лимит по договору",
            });
        }

        benefits.AddRange((terms?.Exclusions ?? []).Select(exclusion => new BenefitLine
        {
            Kind = BenefitKind.Exclusion,
            Category = BenefitCategory.DentalCare,
            Note = exclusion,
        }));
        var result = new EligibilityResult(active && !dentalExcluded ? CoverageStatus.Active : CoverageStatus.Inactive, time.GetUtcNow(),
            benefits)
        {
            PayerName = inquiry.Payer.DisplayName,
            PlanName = terms?.ProgramName,
            GroupNumber = terms?.ContractNumber,
            GroupName = terms?.Policyholder,
            PlanBegin = coverage.ValidFrom,
            PlanEnd = coverage.ValidTo,
            MemberId = coverage.MemberId,
        };
        return Task.FromResult(result);
    }
}
