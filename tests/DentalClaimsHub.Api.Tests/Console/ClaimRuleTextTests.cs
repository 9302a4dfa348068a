using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Tests.Console;

public sealed class ClaimRuleTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    // A claim breaking two rules: a date of service in the future, and a posterior-only code on an anterior tooth.
    private static IReadOnlyList<ClaimRuleViolation> Violations()
    {
        var claim = Claim.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "demo-x12-dental", "USD", "test", Now);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Cdt(CdtCode.Parse("D2392")), Fee = Money.Usd(100m), ServiceDate = new DateOnly(2026, 12, 24),
            Tooth = ToothNumber.ParseUniversal("8"), Surfaces = SurfaceSet.Parse("MI"), DiagnosisPointers = [1],
        }, Now);
        return claim.CheckRules(new DateOnly(2026, 11, 20));
    }

    private static string Render(string culture, ClaimRuleViolation violation) =>
        ConsoleCulture.In(culture, text => new ClaimRuleText(text).Render(violation));

    [Fact]
    public void Every_violation_carries_its_rule_and_reads_in_Russian()
    {
        var violations = Violations();
        Assert.Equal([ClaimRules.ServiceInFuture, ClaimRules.PosteriorOnly], violations.Select(v => v.Rule));
        Assert.Equal("Дата оказания услуги 24.12.2026 ещё не наступила.", Render("ru-RU", violations[0]));
        Assert.Equal("D2392 — для жевательных зубов; зуб 8 — передний.", Render("ru-RU", violations[1]));
        Assert.All(violations, v => Assert.Equal(v.Message, Render("en-US", v)));
    }

    [Fact]
    public void A_violation_without_a_rule_keeps_its_message() =>
        Assert.Equal("Something else.", Render("ru-RU", new ClaimRuleViolation("x", "Something else.")));
}
