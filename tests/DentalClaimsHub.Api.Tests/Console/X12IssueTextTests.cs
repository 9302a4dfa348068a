using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.X12;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>An X12 finding stored as its one-line English reads in Russian: its code worded, its position kept, the engine's English left out.</summary>
public sealed class X12IssueTextTests
{
    private static string Render(string culture, string stored) => ConsoleCulture.In(culture, text => new X12IssueText(text).Render(stored));

    public static TheoryData<X12Issue, string> Issues() => new()
    {
        { new(X12IssueSeverity.Error, "IK304-2", "Unexpected segment.", 12, "SV3"), "Ошибка: сегмент 12 (SV3) — сегмент в неожиданном месте" },
        { new(X12IssueSeverity.Error, "IK403-7", "Bad code.", 4, "N4", ElementPosition: 10), "Ошибка: сегмент 4 (N4), элемент N410 — недопустимое значение кода" },
        { new(X12IssueSeverity.Error, "IK403-I12", "Pattern.", 5, "NM1", ElementPosition: 9, ComponentPosition: 2),
            "Ошибка: сегмент 5 (NM1), элемент NM109-2 — ошибка элемента (код 999 IK403: I12)" },
        { new(X12IssueSeverity.Error, "READ-NO-ISA", "No ISA.", ByteOffset: 0), "Ошибка: байт 0 — нет заголовка ISA" },
        { new(X12IssueSeverity.Error, "TA1-024", "Invalid content."), "Ошибка: ошибка конверта обмена (код TA105: 024)" },
        { new(X12IssueSeverity.Warning, "SNIP3-CLM02", "Sum.", 30, "CLM", "2300"), "Предупреждение: сегмент 30 (CLM), цикл 2300 — суммы не сходятся (правило CLM02)" },
    };

    [Theory]
    [MemberData(nameof(Issues))]
    public void Render_AStoredFinding_ReadsRussianWithoutTheEnglish(X12Issue issue, string russian)
    {
        Assert.Equal(russian, Render("ru", issue.ToString()));
        Assert.Equal(issue.ToString(), Render("en", issue.ToString()));
    }

    [Theory]
    [InlineData("IK304-2 at segment 12 (EB): Unexpected segment.", "сегмент 12 (EB) — сегмент в неожиданном месте")]
    [InlineData("READ-TRUNCATED: The input ends without a segment terminator.", "файл обрывается без терминатора сегмента")]
    public void Render_TheReadersShortForm_ReadsRussian(string stored, string russian) => Assert.Equal(russian, Render("ru", stored));

    [Fact]
    public void Render_ALineThatIsNoFinding_ReadsAsStored() =>
        Assert.Equal("The 271 could not be read: boom", Render("ru", "The 271 could not be read: boom"));
}
