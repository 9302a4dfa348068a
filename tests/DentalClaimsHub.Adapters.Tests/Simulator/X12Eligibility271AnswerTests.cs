using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

/// <summary>Every 271 the simulated X12 payer gives is valid 005010X279A1 and reads as the scenario means.</summary>
public sealed class X12Eligibility271AnswerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 31, 0, TimeSpan.Zero);
    private static readonly Lazy<X12SchemaRegistry> Schemas = new(X12SchemaRegistry.LoadDefault);

    private static Eligibility270 Sample() =>
        Eligibility270.From(X12Message.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "270-dental-inquiry.x12"))));

    private static EligibilityResult Read(string x12) =>
        new Eligibility271Reader(Schemas.Value, TimeProvider.System)
            .Read(System.Text.Encoding.ASCII.GetBytes(x12), new X12Options()).Result
        ?? throw new Xunit.Sdk.XunitException("The 271 did not read.");

    public static TheoryData<Eligibility271Answer> Answers => new(Enum.GetValues<Eligibility271Answer>());

    [Theory]
    [MemberData(nameof(Answers))]
    public void Build_EveryAnswer_PassesTheEngineValidator(Eligibility271Answer answer)
    {
        var report = new X12Validator(Schemas.Value).Validate(Eligibility271Template.Build(Sample(), answer, Now));

        Assert.Empty(report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
        Assert.Single(report.Transactions);
    }

    [Theory]
    [InlineData(Eligibility271Answer.Active, CoverageStatus.Active)]
    [InlineData(Eligibility271Answer.Inactive, CoverageStatus.Inactive)]
    [InlineData(Eligibility271Answer.MemberNotFound, CoverageStatus.NotFound)]
    [InlineData(Eligibility271Answer.DeductibleMet, CoverageStatus.Active)]
    [InlineData(Eligibility271Answer.FrequencyExhausted, CoverageStatus.Active)]
    [InlineData(Eligibility271Answer.WaitingPeriod, CoverageStatus.Active)]
    [InlineData(Eligibility271Answer.PayerUnableToRespond, CoverageStatus.Unknown)]
    public void Build_EveryAnswer_ReadsAsItsCoverageStatus(Eligibility271Answer answer, CoverageStatus expected) =>
        Assert.Equal(expected, Read(Eligibility271Template.Build(Sample(), answer, Now)).Status);

    [Fact]
    public void Build_MemberNotFound_CarriesAaa75WithCorrectAndResubmit()
    {
        var result = Read(Eligibility271Template.Build(Sample(), Eligibility271Answer.MemberNotFound, Now));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("75", "C"), (rejection.ReasonCode, rejection.FollowUpAction));
        Assert.Empty(result.Benefits);
    }

    [Fact]
    public void Build_DeductibleMet_RemainingDeductibleIsZero()
    {
        var result = Read(Eligibility271Template.Build(Sample(), Eligibility271Answer.DeductibleMet, Now));

        Assert.Contains(result.Benefits, b => b is { Kind: BenefitKind.Deductible, Remaining.Amount: 0m });
        Assert.Contains(result.Benefits, b => b.Kind == BenefitKind.Deductible && b.Note == "INDIVIDUAL DEDUCTIBLE MET");
    }

    [Fact]
    public void Build_ProcedureInquiry_AnswersEachCodeAsked()
    {
        var request = Sample() with { ProcedureCodes = ["D2740", "D0120"] };

        var result = Read(Eligibility271Template.Build(request, Eligibility271Answer.Active, Now));

        Assert.Contains(result.Benefits, b => b.Kind == BenefitKind.CoInsurance && b.ProcedureCodes.Any(c => c.Code == "D0120"));
        Assert.Contains(result.Benefits, b => b.Kind == BenefitKind.CoInsurance && b.ProcedureCodes.Any(c => c.Code == "D2740"));
    }

    [Fact]
    public void Build_WaitingPeriod_CrownsAndProsthodonticsCoveredFromNextYear()
    {
        var x12 = Eligibility271Template.Build(Sample(), Eligibility271Answer.WaitingPeriod, Now);
        var result = new Eligibility271Reader(Schemas.Value, TimeProvider.System)
            .Read(System.Text.Encoding.ASCII.GetBytes(x12), new X12Options(), asOf: DateOnly.FromDateTime(Now.UtcDateTime)).Result!;

        var waiting = result.Find(BenefitKind.WaitingPeriod).ToList();
        Assert.Equal([BenefitCategory.Crowns, BenefitCategory.Prosthodontics], waiting.Select(w => w.Category));
        Assert.All(waiting, w => Assert.Equal(new DateOnly(2027, 1, 1), w.CoveredFrom));
    }
}
