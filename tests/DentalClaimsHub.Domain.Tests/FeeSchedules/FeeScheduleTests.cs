using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.FeeSchedules;

public class FeeScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcedureCode Exam = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D0120");

    private static FeeSchedule Usual(params FeeScheduleEntry[] entries) => FeeSchedule.Create(Guid.NewGuid(), "Usual fees 2026", "usd", null,
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), entries, Now);

    [Fact]
    public void FeeFor_ListedAndUnlisted_ReturnsFeeOrNull()
    {
        var schedule = Usual(new FeeScheduleEntry(Exam, Money.Usd(65m)));

        Assert.Equal(Money.Usd(65m), schedule.FeeFor(Exam));
        Assert.Null(schedule.FeeFor(ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D1110")));
        Assert.Equal("USD", schedule.Currency);
    }

    [Theory]
    [InlineData(2025, 12, 31, false)]
    [InlineData(2026, 1, 1, true)]
    [InlineData(2026, 12, 31, true)]
    [InlineData(2027, 1, 1, false)]
    public void IsEffectiveOn_PeriodEdges_AreInclusive(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Usual().IsEffectiveOn(new DateOnly(year, month, day)));

    [Fact]
    public void Create_SameCodeTwice_Throws() =>
        Assert.Throws<DomainException>(() => Usual(new FeeScheduleEntry(Exam, Money.Usd(65m)), new FeeScheduleEntry(Exam, Money.Usd(70m))));

    [Fact]
    public void Create_FeeInAnotherCurrency_Throws() =>
        Assert.Throws<DomainException>(() => Usual(new FeeScheduleEntry(Exam, Money.Rub(6500m))));

    [Fact]
    public void Update_EndBeforeStart_Throws() =>
        Assert.Throws<DomainException>(() => Usual().Update("x", new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), [], Now));
}
