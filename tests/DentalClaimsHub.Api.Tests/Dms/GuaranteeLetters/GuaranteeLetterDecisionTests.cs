using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Tests.Dms.GuaranteeLetters;

/// <summary>How a letter's services are matched to a plan's lines (no database: the plan is built in memory).</summary>
public sealed class GuaranteeLetterDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lines_TwoLinesWithOneCode_RowsTakeThemInOrder()
    {
        var plan = Plan(("A16.07.002", 4500m), ("A16.07.002", 4500m), ("B01.065.001", 1200m));
        var letter = Letter(GuaranteeDecision.PartlyApproved, Service("A16.07.002", true, 4000m), Service("A16.07.002", false, null));

        var (lines, remarks, problem) = GuaranteeLetterDecision.Lines(plan, letter);

        Assert.Null(problem);
        Assert.Empty(remarks);
        Assert.NotNull(lines);
        Assert.Equal([LineDecision.Modified, LineDecision.Denied, LineDecision.Denied], lines.Select(l => l.Decision));
        Assert.Equal(4000m, lines[0].ApprovedAmount!.Value.Amount);
    }

    [Fact]
    public void Lines_AmountAboveTheFee_IsAProblem()
    {
        var plan = Plan(("A16.07.002", 4500m));

        var (lines, _, problem) = GuaranteeLetterDecision.Lines(plan, Letter(GuaranteeDecision.Approved, Service("A16.07.002", true, 4500.01m)));

        Assert.Null(lines);
        Assert.Equal(GuaranteeLetterProblem.AmountOverFee, problem!.Code);
        Assert.Equal(["6", "4500.01", "4500.00", "1"], problem.Args);
        Assert.Contains("more than the planned fee", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_PartlyApprovedWithoutServices_IsAProblem()
    {
        var (lines, _, problem) = GuaranteeLetterDecision.Lines(Plan(("A16.07.002", 4500m)), Letter(GuaranteeDecision.PartlyApproved));

        Assert.Null(lines);
        Assert.Equal(GuaranteeLetterProblem.PartlyWithoutServices, problem!.Code);
        Assert.Contains("must list the approved services", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_ServiceNotPlanned_IsARemarkAndTheLetterStillApproves()
    {
        var plan = Plan(("B01.065.001", 1200m));

        var (lines, remarks, _) = GuaranteeLetterDecision.Lines(plan, Letter(GuaranteeDecision.Approved, Service("A06.07.003", true, 800m)));

        Assert.Equal(LineDecision.Approved, Assert.Single(lines!).Decision);
        var remark = Assert.Single(remarks);
        Assert.Equal(GuaranteeLetterProblem.ServiceNotPlanned, remark.Code);
        Assert.Equal(["6", "A06.07.003"], remark.Args);
        Assert.Equal("row 6: the plan has no (further) line with service A06.07.003.", remark.Text);
    }

    [Fact]
    public void Matches_RecordedAnswer_IsTrueAndAnotherLimitIsNot()
    {
        var plan = Plan(("B01.065.001", 1200m));
        var letter = Letter(GuaranteeDecision.Approved) with { Number = "ГП-1", ValidTo = new DateOnly(2026, 12, 31), Limit = 5000m };
        var (lines, _, _) = GuaranteeLetterDecision.Lines(plan, letter);
        plan.RecordDecision(lines!, Now, "ГП-1", null, new DateOnly(2026, 12, 31), Money.Rub(5000m));

        Assert.True(GuaranteeLetterDecision.Matches(plan, letter, lines!, Money.Rub(5000.00m)));
        Assert.False(GuaranteeLetterDecision.Matches(plan, letter with { Limit = 6000m }, lines!, Money.Rub(6000m)));
    }

    private static PreAuthorization Plan(params (string Code, decimal Fee)[] lines)
    {
        var plan = PreAuthorization.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "demo-dms-insurer", PreAuthorizationKind.GuaranteeLetter, "RUB", Now);
        foreach (var (code, fee) in lines)
        {
            Assert.True(NomenclatureCode.TryParse(code, out var parsed));
            plan.AddLine(ProcedureCode.Nomenclature(parsed), Money.Rub(fee), Now);
        }

        plan.MarkSubmitted(Now);
        return plan;
    }

    private static DmsGuaranteeLetter Letter(GuaranteeDecision decision, params DmsGuaranteeService[] services) =>
        new("GL-1", 5, decision, null, null, null, null, null, null, services);

    private static DmsGuaranteeService Service(string code, bool approved, decimal? amount)
    {
        Assert.True(NomenclatureCode.TryParse(code, out var parsed));
        return new DmsGuaranteeService(6, parsed, approved, amount, approved ? null : "вне программы");
    }
}
