using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>
/// The payer's answer to an eligibility check in canonical form: overall status, plan identity and dates, and the
/// dental benefit lines. Immutable; a new check produces a new result.
/// </summary>
public sealed record EligibilityResult
{
    public EligibilityResult(
        CoverageStatus status,
        DateTimeOffset receivedAt,
        IReadOnlyList<BenefitLine>? benefits = null,
        IReadOnlyList<EligibilityRejection>? rejections = null)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException($"Coverage status '{status}' is not a known value.", nameof(status));
        }

        Status = status;
        ReceivedAt = Guard.Utc(receivedAt);
        Benefits = [.. benefits ?? []];
        Rejections = [.. rejections ?? []];
    }

    public CoverageStatus Status { get; }

    /// <summary>When the answer arrived, UTC.</summary>
    public DateTimeOffset ReceivedAt { get; }

    public IReadOnlyList<BenefitLine> Benefits { get; }

    public IReadOnlyList<EligibilityRejection> Rejections { get; }

    public string? PayerName { get; init; }

    public string? PlanName { get; init; }

    public string? GroupNumber { get; init; }

    public string? GroupName { get; init; }

    public DateOnly? PlanBegin { get; init; }

    public DateOnly? PlanEnd { get; init; }

    /// <summary>The member id as the payer returned it (may correct ours).</summary>
    public string? MemberId { get; init; }

    /// <summary>The member's name as the payer has it, when it differs from ours.</summary>
    public PersonName? MemberName { get; init; }

    /// <summary>The stored raw response (271, CoverageEligibilityResponse, insurer letter).</summary>
    public Guid? RawMessageId { get; init; }

    /// <summary>Lines of a kind, optionally narrowed to a category and network (Unknown/Both networks match either).</summary>
    public IEnumerable<BenefitLine> Find(BenefitKind kind, BenefitCategory? category = null, BenefitNetwork? network = null) =>
        Benefits.Where(b => b.Kind == kind
            && (category is null || b.Category == category)
            && (network is null || b.Network == network || b.Network is BenefitNetwork.Both or BenefitNetwork.Unknown));

    /// <summary>
    /// The plan-level remaining maximum for the network, individual level first: the smallest remaining of the
    /// matching maximum lines, or null when the payer did not say.
    /// </summary>
    public Money? RemainingMaximum(BenefitNetwork network = BenefitNetwork.InNetwork)
    {
        var candidates = Find(BenefitKind.Maximum, BenefitCategory.DentalCare, network)
            .Where(b => b.Remaining is not null && b.Period is not (BenefitPeriod.Lifetime or BenefitPeriod.LifetimeRemaining))
            .OrderBy(b => b.CoverageLevel == CoverageLevel.Individual ? 0 : 1)
            .ToList();
        return candidates.Count == 0 ? null : candidates.Where(b => b.CoverageLevel == candidates[0].CoverageLevel).Min(b => b.Remaining);
    }

    /// <summary>The patient's co-insurance percent for a category and network, falling back to broader categories up to the plan-level line.</summary>
    public decimal? CoInsurancePercent(BenefitCategory category, BenefitNetwork network = BenefitNetwork.InNetwork) =>
        Find(BenefitKind.CoInsurance, category, network).FirstOrDefault(b => b.Percent is not null)?.Percent
        ?? (category == BenefitCategory.DentalCare ? null : CoInsurancePercent(category.Broader(), network));
}
