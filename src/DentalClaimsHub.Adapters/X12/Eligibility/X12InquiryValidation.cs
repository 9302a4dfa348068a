using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>
/// What a 005010X279A1 270 cannot go without: the provider's NPI (2100B NM109 with XX), the member id and the name the
/// payer searches on (2100C/D), CDT procedure codes, and the payer's X12 and CORE settings. Names and ids are checked
/// after cleaning to X12 text, so a value made only of characters X12 cannot carry counts as missing.
/// </summary>
internal static class X12InquiryValidation
{
    public static IReadOnlyList<InquiryProblem> Problems(EligibilityInquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var problems = new List<InquiryProblem>();
        var payer = inquiry.Payer;
        if (payer.X12 is null || payer.Core?.RealtimeUrl is null)
        {
            problems.Add(new("coverage.payerId",
                $"Payer '{payer.Id}' has no X12 identifiers or CORE real-time endpoint in its profile; the hub cannot ask it."));
        }

        if (inquiry.Provider.Npi is null)
        {
            problems.Add(new("provider.npi", "An X12 payer identifies the provider by NPI; give the provider's (or the practice's) NPI."));
        }

        var coverage = inquiry.Coverage;
        var dependent = coverage.Relationship != SubscriberRelationship.Self && coverage.Subscriber is not null;
        if (X12Text.Clean(coverage.Subscriber?.MemberId ?? coverage.MemberId, 80).Length == 0)
        {
            problems.Add(new(dependent ? "coverage.subscriber.memberId" : "coverage.memberId",
                "The member id is empty once reduced to the characters X12 allows (printable ASCII)."));
        }

        var searched = coverage.Subscriber?.Name ?? inquiry.Patient.Name;
        var namePath = coverage.Subscriber is not null ? "coverage.subscriber.name" : "patient.name";
        if (X12Text.Clean(searched.Last, 60).Length == 0)
        {
            problems.Add(new($"{namePath}.last",
                "The payer searches on the subscriber's last name, which has no characters X12 can carry."));
        }

        if (dependent && X12Text.Clean(inquiry.Patient.Name.Last, 60).Length == 0)
        {
            problems.Add(new("patient.name.last", "The dependent's last name has no characters X12 can carry."));
        }

        for (var i = 0; i < inquiry.Procedures.Count; i++)
        {
            if (inquiry.Procedures[i].System != ProcedureCodeSystem.Cdt)
            {
                problems.Add(new($"procedureCodes[{i}]", "An X12 payer is asked about CDT codes only."));
            }
        }

        return problems;
    }
}
