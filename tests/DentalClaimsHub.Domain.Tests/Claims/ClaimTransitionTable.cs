using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Domain.Tests.Claims;

/// <summary>Expected legal and illegal claim transitions for the lifecycle tests.</summary>
public static class ClaimTransitionTable
{
    /// <summary>The lifecycle as the architecture describes it, written out independently of <see cref="ClaimTransitions"/>.</summary>
    public static TheoryData<ClaimState, ClaimState> LegalTransitions => new()
    {
        { ClaimState.Draft, ClaimState.Validated },
        { ClaimState.Draft, ClaimState.Closed },
        { ClaimState.Validated, ClaimState.Queued },
        { ClaimState.Validated, ClaimState.Draft },
        { ClaimState.Queued, ClaimState.Submitted },
        { ClaimState.Queued, ClaimState.Draft },
        { ClaimState.Submitted, ClaimState.Acknowledged },
        { ClaimState.Submitted, ClaimState.Rejected },
        { ClaimState.Submitted, ClaimState.Accepted },
        { ClaimState.Acknowledged, ClaimState.Accepted },
        { ClaimState.Acknowledged, ClaimState.Rejected },
        { ClaimState.Accepted, ClaimState.Pending },
        { ClaimState.Accepted, ClaimState.Paid },
        { ClaimState.Accepted, ClaimState.PartiallyPaid },
        { ClaimState.Accepted, ClaimState.Denied },
        { ClaimState.Accepted, ClaimState.Corrected },
        { ClaimState.Accepted, ClaimState.Voided },
        { ClaimState.Rejected, ClaimState.Draft },
        { ClaimState.Rejected, ClaimState.Closed },
        { ClaimState.Pending, ClaimState.Paid },
        { ClaimState.Pending, ClaimState.PartiallyPaid },
        { ClaimState.Pending, ClaimState.Denied },
        { ClaimState.Pending, ClaimState.Rejected },
        { ClaimState.Pending, ClaimState.Corrected },
        { ClaimState.Pending, ClaimState.Voided },
        { ClaimState.Paid, ClaimState.Closed },
        { ClaimState.Paid, ClaimState.Pending },
        { ClaimState.Paid, ClaimState.Corrected },
        { ClaimState.Paid, ClaimState.Voided },
        { ClaimState.PartiallyPaid, ClaimState.Paid },
        { ClaimState.PartiallyPaid, ClaimState.Closed },
        { ClaimState.PartiallyPaid, ClaimState.Pending },
        { ClaimState.PartiallyPaid, ClaimState.Corrected },
        { ClaimState.PartiallyPaid, ClaimState.Voided },
        { ClaimState.Denied, ClaimState.Closed },
        { ClaimState.Denied, ClaimState.Pending },
        { ClaimState.Denied, ClaimState.Corrected },
        { ClaimState.Denied, ClaimState.Voided },
        { ClaimState.Corrected, ClaimState.Closed },
        { ClaimState.Voided, ClaimState.Closed },
    };

    public static TheoryData<ClaimState, ClaimState> IllegalTransitions
    {
        get
        {
            var legal = LegalTransitions.Select(row => ((ClaimState)row[0], (ClaimState)row[1])).ToHashSet();
            var data = new TheoryData<ClaimState, ClaimState>();
            foreach (var from in Enum.GetValues<ClaimState>())
            {
                foreach (var to in Enum.GetValues<ClaimState>().Where(to => !legal.Contains((from, to))))
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }
}
