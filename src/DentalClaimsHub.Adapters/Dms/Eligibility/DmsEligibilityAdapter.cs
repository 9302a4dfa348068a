using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.Eligibility;

/// <summary>
/// ДМС insurers answer no inquiries: coverage is what their roster says. Once the insurer has sent the clinic a roster,
/// the roster decides — the person (policy and ФИО) must be attached on the date of service, and the programme,
/// franchise and exclusions of that period apply; a policy absent from the roster, detached, or listed under another
/// ФИО is inactive with a note saying which. Before any roster arrives, the terms stored on the coverage are used.
/// </summary>
public sealed class DmsEligibilityAdapter(TimeProvider time, IDmsRosterLookup? roster = null) : IEligibilityAdapter
{
    public PayerProtocol Protocol => PayerProtocol.Dms;

    public async Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken)
    {
        var coverage = inquiry.Coverage;
        var date = inquiry.Check.ServiceDate;
        var terms = coverage.Dms;
        var active = coverage.IsActiveOn(date);
        string? rosterNote = null;
        DmsRosterPeriod? period = null;
        if (roster is not null)
        {
            var standing = await roster.FindAsync(inquiry.Practice.Id, inquiry.Payer.Id, coverage.MemberId, inquiry.Patient.Name, cancellationToken);
            if (standing.RosterExists)
            {
                // A person may hold several programmes on a date (поликлиника and стоматология): the dental one answers.
                period = standing.Periods.Where(p => p.IsActiveOn(date))
                    .OrderBy(p => p.Exclusions.Any(DmsExclusions.ExcludesDentistry)).FirstOrDefault();
                active = period is not null;
                rosterNote = period is not null ? "Прикреплён по списку страховой компании"
                    : standing.PolicyUnderOtherName ? "Полис есть в списке прикреплённых под другим ФИО"
                    : standing.Periods.Count == 0 ? "Нет в списке прикреплённых"
                    : standing.Periods.FirstOrDefault(p => p.AttachedFrom > date) is { AttachedFrom: { } from } ? $"Прикрепление с {from:dd.MM.yyyy}"
                    : standing.Periods.FirstOrDefault(p => p.DetachedFrom <= date) is { DetachedFrom: { } to } ? $"Откреплён с {to:dd.MM.yyyy}"
                    : "Не прикреплён на дату услуги";
                if (period is not null)
                {
                    terms = new DmsTerms(period.ProgramCode ?? terms?.ProgramCode ?? "—", period.ProgramName ?? terms?.ProgramName ?? "—",
                        period.FranchisePercent, period.Limit is { } limit ? new Money(limit, "RUB") : terms?.Limit, period.ContractNumber ?? terms?.ContractNumber, period.Policyholder ?? terms?.Policyholder,
                        period.Exclusions);
                }
            }
        }

        var dentalExcluded = terms?.Exclusions.Any(DmsExclusions.ExcludesDentistry) == true;
        var benefits = new List<BenefitLine>
        {
            new()
            {
                Kind = active && !dentalExcluded ? BenefitKind.ActiveCoverage : BenefitKind.InactiveCoverage,
                Category = BenefitCategory.DentalCare,
                Note = rosterNote is null ? Programme(terms) : terms is null ? rosterNote : $"{Programme(terms)}; {rosterNote}",
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

        if (terms?.Limit is { } sum)
        {
            benefits.Add(new BenefitLine
            {
                Kind = BenefitKind.Maximum,
                Category = BenefitCategory.DentalCare,
                Period = BenefitPeriod.Contract,
                Amount = sum,
                Note = period?.Limit is not null ? "Лимит по программе (список прикреплённых)" : "Лимит по договору",
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
            PlanBegin = period is null ? coverage.ValidFrom : period.AttachedFrom,
            PlanEnd = period is null ? coverage.ValidTo : period.DetachedFrom?.AddDays(-1),
            MemberId = coverage.MemberId,
        };
        return result;
    }

    private static string? Programme(DmsTerms? terms) => terms is null ? null : $"{terms.ProgramCode} — {terms.ProgramName}";
}
