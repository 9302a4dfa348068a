using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Domain.Coverages;

namespace DentalClaimsHub.Api.Coverages;

public static class CoverageMapping
{
    public static CoverageResponse ToResponse(this Coverage c) => new(
        c.Id,
        c.PatientId,
        c.PayerId,
        c.MemberId,
        c.GroupNumber,
        c.GroupName,
        c.PlanName,
        c.Order.ToString().ToLowerInvariant(),
        c.Relationship.ToString().ToLowerInvariant(),
        c.Subscriber is { } s
            ? new SubscriberDto { Name = s.Name.ToDto(), BirthDate = s.BirthDate, Sex = s.Sex.ToApi(), MemberId = s.MemberId }
            : null,
        c.ValidFrom,
        c.ValidTo,
        c.Dms is { } d
            ? new DmsTermsDto
            {
                ProgramCode = d.ProgramCode,
                ProgramName = d.ProgramName,
                FranchisePercent = d.FranchisePercent,
                Limit = d.Limit is { } l ? new MoneyDto { Amount = l.Amount, Currency = l.Currency } : null,
                ContractNumber = d.ContractNumber,
                Policyholder = d.Policyholder,
                Exclusions = d.Exclusions,
            }
            : null,
        c.CreatedAt,
        c.UpdatedAt);
}
