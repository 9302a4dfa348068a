using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

/// <summary>Builds claims and drives them to any state along the shortest legal path.</summary>
internal static class ClaimFixture
{
    public const string Actor = "test";

    public static readonly DateTimeOffset Now = new(2026, 4, 15, 14, 30, 0, TimeSpan.FromHours(-5));

    public static readonly DateOnly Today = new(2026, 4, 15);

    public static readonly Guid PracticeId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid PatientId = Guid.Parse("20000000-0000-0000-0000-000000000002");
    public static readonly Guid CoverageId = Guid.Parse("30000000-0000-0000-0000-000000000003");

    public static Claim NewDraft(string? patientControlNumber = null) =>
        Claim.Create(PracticeId, PatientId, CoverageId, "demo-x12-dental", "USD", Actor, Now, patientControlNumber);

    public static ClaimLineDetails Line(string cdt = "D2392", decimal fee = 150m, string? tooth = "30", string surfaces = "MO") => new()
    {
        Procedure = ProcedureCode.Create(ProcedureCodeSystem.Cdt, cdt),
        Fee = Money.Usd(fee),
        ServiceDate = Today.AddDays(-1),
        Tooth = tooth is null ? null : ToothNumber.ParseUniversal(tooth),
        Surfaces = SurfaceSet.Parse(surfaces),
        DiagnosisPointers = [1],
    };

    public static Claim ValidDraft()
    {
        var claim = NewDraft();
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(Line(), Now);
        claim.AddLine(Line("D0120", 55m, tooth: null, surfaces: ""), Now);
        return claim;
    }

    /// <summary>A claim in <paramref name="state"/>, reached through legal transitions only.</summary>
    public static Claim InState(ClaimState state)
    {
        var claim = ValidDraft();
        foreach (var step in PathTo(state))
        {
            Apply(claim, step);
        }

        Assert.Equal(state, claim.State);
        return claim;
    }

    /// <summary>Performs one transition the way production code would.</summary>
    public static void Apply(Claim claim, ClaimState to)
    {
        switch (to)
        {
            case ClaimState.Validated:
                claim.Validate(Actor, Now, Today);
                break;
            case ClaimState.Accepted:
                claim.Accept(Actor, Now, "PCN-777");
                break;
            case ClaimState.Rejected:
                claim.Reject(Actor, Now, "A7:21 invalid member id");
                break;
            case ClaimState.Paid or ClaimState.PartiallyPaid or ClaimState.Denied:
                claim.RecordAdjudication(to, Actor, Now, "PCN-777");
                break;
            case ClaimState.Corrected:
                claim.CreateReplacement(Actor, Now);
                break;
            case ClaimState.Voided:
                claim.CreateVoid(Actor, Now);
                break;
            default:
                claim.TransitionTo(to, Actor, Now);
                break;
        }
    }

    public static ClaimState[] PathTo(ClaimState state) => state switch
    {
        ClaimState.Draft => [],
        ClaimState.Validated => [ClaimState.Validated],
        ClaimState.Queued => [.. PathTo(ClaimState.Validated), ClaimState.Queued],
        ClaimState.Submitted => [.. PathTo(ClaimState.Queued), ClaimState.Submitted],
        ClaimState.Acknowledged => [.. PathTo(ClaimState.Submitted), ClaimState.Acknowledged],
        ClaimState.Accepted => [.. PathTo(ClaimState.Acknowledged), ClaimState.Accepted],
        ClaimState.Rejected => [.. PathTo(ClaimState.Acknowledged), ClaimState.Rejected],
        ClaimState.Pending => [.. PathTo(ClaimState.Accepted), ClaimState.Pending],
        ClaimState.Paid or ClaimState.PartiallyPaid or ClaimState.Denied => [.. PathTo(ClaimState.Pending), state],
        ClaimState.Closed => [.. PathTo(ClaimState.Paid), ClaimState.Closed],
        ClaimState.Corrected or ClaimState.Voided => [.. PathTo(ClaimState.Denied), state],
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
