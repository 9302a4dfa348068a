using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.PreAuthorizations;

public class PreAuthorizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static PreAuthorization SubmittedPlan()
    {
        var plan = PreAuthorization.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "dms-demo", PreAuthorizationKind.GuaranteeLetter, "RUB", Now);
        plan.AddLine(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.002"), Money.Rub(4_500m), Now, tooth: ToothNumber.ParseFdi("36"));
        plan.AddLine(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A06.07.003"), Money.Rub(900m), Now);
        plan.MarkSubmitted(Now);
        return plan;
    }

    [Fact]
    public void RecordDecision_AllApproved_IsApprovedAndValidInPeriod()
    {
        var plan = SubmittedPlan();

        plan.RecordDecision(
            [new(1, LineDecision.Approved, Money.Rub(4_500m)), new(2, LineDecision.Approved, Money.Rub(900m))],
            Now, "ГП-2026/123", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), Money.Rub(10_000m));

        Assert.Equal(PreAuthorizationStatus.Approved, plan.Status);
        Assert.Equal("ГП-2026/123", plan.ReferenceNumber);
        Assert.Equal(Money.Rub(5_400m), plan.TotalApproved);
        Assert.True(plan.IsValidOn(new DateOnly(2026, 6, 30)));
        Assert.False(plan.IsValidOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void RecordDecision_Mixed_IsPartiallyApproved()
    {
        var plan = SubmittedPlan();

        plan.RecordDecision([new(1, LineDecision.Approved), new(2, LineDecision.Denied, Note: "не входит в программу")], Now);

        Assert.Equal(PreAuthorizationStatus.PartiallyApproved, plan.Status);
        Assert.Equal("не входит в программу", plan.Lines[1].DecisionNote);
    }

    [Fact]
    public void RecordDecision_AllDenied_IsDenied()
    {
        var plan = SubmittedPlan();

        plan.RecordDecision([new(1, LineDecision.Denied), new(2, LineDecision.Denied)], Now);

        Assert.Equal(PreAuthorizationStatus.Denied, plan.Status);
        Assert.False(plan.IsValidOn(new DateOnly(2026, 6, 2)));
    }

    [Fact]
    public void RecordDecision_MissingLine_Throws()
    {
        var plan = SubmittedPlan();

        Assert.Throws<DomainException>(() => plan.RecordDecision([new(1, LineDecision.Approved)], Now));
        Assert.Equal(PreAuthorizationStatus.Submitted, plan.Status);
    }

    [Fact]
    public void RecordDecision_ApprovedAboveFee_Throws()
    {
        var plan = SubmittedPlan();

        Assert.Throws<DomainException>(() =>
            plan.RecordDecision([new(1, LineDecision.Approved, Money.Rub(5_000m)), new(2, LineDecision.Approved)], Now));
    }

    [Fact]
    public void RecordDecision_Draft_Throws()
    {
        var plan = PreAuthorization.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "p", PreAuthorizationKind.Predetermination, "USD", Now);

        Assert.Throws<DomainException>(() => plan.RecordDecision([], Now));
    }

    [Fact]
    public void RequestInformation_ThenAmendAndResubmit_Works()
    {
        var plan = SubmittedPlan();

        plan.RequestInformation("нужен снимок", Now);
        plan.AddLine(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "B01.065.001"), Money.Rub(1_200m), Now);
        plan.MarkSubmitted(Now);

        Assert.Equal(PreAuthorizationStatus.Submitted, plan.Status);
        Assert.Equal(3, plan.Lines.Count);
    }

    [Fact]
    public void MarkSubmitted_NoLines_Throws()
    {
        var plan = PreAuthorization.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "p", PreAuthorizationKind.Predetermination, "USD", Now);

        Assert.Throws<DomainException>(() => plan.MarkSubmitted(Now));
    }

    [Fact]
    public void Cancel_Approved_IsCancelledAndNotValid()
    {
        var plan = SubmittedPlan();
        plan.RecordDecision([new(1, LineDecision.Approved), new(2, LineDecision.Approved)], Now);

        plan.Cancel("аннулирование", Now);

        Assert.Equal(PreAuthorizationStatus.Cancelled, plan.Status);
        Assert.False(plan.IsValidOn(new DateOnly(2026, 6, 2)));
        Assert.Throws<DomainException>(() => plan.Cancel("again", Now));
    }

    [Fact]
    public void AddLine_AfterSubmit_Throws()
    {
        var plan = SubmittedPlan();

        Assert.Throws<DomainException>(() =>
            plan.AddLine(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.009"), Money.Rub(100m), Now));
    }
}
