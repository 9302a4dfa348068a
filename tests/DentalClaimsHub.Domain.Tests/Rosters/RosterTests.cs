using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Rosters;

namespace DentalClaimsHub.Domain.Tests.Rosters;

public class RosterTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 3, 7, 0, 0, TimeSpan.Zero);

    private static Roster NewRoster() => Roster.Create(
        Guid.NewGuid(), "dms-demo", RosterKind.Attach, Now, "АО «Страховая»", "Исх-15", new DateOnly(2026, 2, 1),
        "Д-15/2026", "ООО «Ромашка»", new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31));

    private static RosterMember Ivanov(string fio = "Иванов Иван Иванович", string policy = "1234 567890") =>
        new(policy, PersonName.ParseJoined(fio), new DateOnly(1980, 5, 17))
        {
            Sex = Sex.Male,
            ProgramCode = "СТОМ-1",
            AttachedFrom = new DateOnly(2026, 2, 1),
            FranchisePercent = 45m,
            Exclusions = ["без ортодонтии"],
        };

    [Fact]
    public void AddMember_SamePersonWithYoAndSpaces_IsSkippedAsDuplicate()
    {
        var roster = NewRoster();

        Assert.True(roster.AddMember(Ivanov("Сёмин Пётр Ильич")));
        Assert.False(roster.AddMember(Ivanov("СЕМИН  ПЕТР ИЛЬИЧ", "1234567890")));

        Assert.Single(roster.Members);
        Assert.Equal(1, roster.DuplicatesSkipped);
    }

    [Fact]
    public void AddMember_SamePersonOtherDates_IsKept()
    {
        var roster = NewRoster();
        roster.AddMember(Ivanov());

        Assert.True(roster.AddMember(Ivanov() with { AttachedFrom = new DateOnly(2026, 3, 1) }));
        Assert.Equal(2, roster.Members.Count);
    }

    [Fact]
    public void DedupKey_Member_CombinesNameAndPolicyAndDates()
    {
        Assert.Equal("ИВАНОВ ИВАН ИВАНОВИЧ|1234567890|2026-02-01|", Ivanov().DedupKey);
    }

    [Theory]
    [InlineData(2026, 1, 31, false)]
    [InlineData(2026, 2, 1, true)]
    [InlineData(2026, 6, 29, true)]
    [InlineData(2026, 6, 30, false)]
    public void IsActiveOn_AttachedAndDetached_HalfOpenPeriod(int year, int month, int day, bool expected)
    {
        var member = Ivanov() with { DetachedFrom = new DateOnly(2026, 6, 30) };

        Assert.Equal(expected, member.IsActiveOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void DetachedFrom_BeforeAttached_ThrowsInEitherOrder()
    {
        var name = PersonName.ParseJoined("Петров Пётр");
        Assert.Throws<DomainException>(() => new RosterMember("1", name, new DateOnly(1990, 1, 1))
        {
            AttachedFrom = new DateOnly(2026, 2, 1),
            DetachedFrom = new DateOnly(2026, 1, 1),
        });
        Assert.Throws<DomainException>(() => new RosterMember("1", name, new DateOnly(1990, 1, 1))
        {
            DetachedFrom = new DateOnly(2026, 1, 1),
            AttachedFrom = new DateOnly(2026, 2, 1),
        });
    }

    [Fact]
    public void FranchisePercent_OutOfRange_Throws()
    {
        Assert.Throws<DomainException>(() => Ivanov() with { FranchisePercent = 101m });
    }

    [Fact]
    public void Limit_Negative_Throws_ZeroIsALimit()
    {
        Assert.Throws<DomainException>(() => Ivanov() with { Limit = -0.01m });
        Assert.Equal(0m, (Ivanov() with { Limit = 0m }).Limit);
    }

    [Fact]
    public void FindByPolicy_SpacesIgnored_FindsMember()
    {
        var roster = NewRoster();
        roster.AddMember(Ivanov());

        Assert.Single(roster.FindByPolicy("1234567890"));
    }

    [Fact]
    public void Create_PeriodReversed_Throws()
    {
        Assert.Throws<DomainException>(() => Roster.Create(Guid.NewGuid(), "dms", RosterKind.Detach, Now,
            periodFrom: new DateOnly(2026, 2, 1), periodTo: new DateOnly(2026, 1, 1)));
    }
}
