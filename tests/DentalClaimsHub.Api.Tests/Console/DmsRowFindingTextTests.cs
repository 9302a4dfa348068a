using System.Globalization;
using System.Text;
using System.Text.Json;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.Api.Dms;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A ДМС file's row findings as a message keeps them: the English line unchanged, read back with its code, worded in Russian
/// with the row and the insurer's column title as given; a plain line (an older message's) is not a row finding.
/// </summary>
public sealed class DmsRowFindingTextTests
{
    static DmsRowFindingTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string In(string culture, DmsRowFinding finding) => ConsoleCulture.In(culture,
        text => new DmsRowFindingText(text, new RosterReasonText(text), new GuaranteeLetterProblemText(text)).Render(finding));

    private static List<DmsRowFinding?> RoundTrip(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(DmsRowFinding.Read)];
    }

    [Fact]
    public void A_guarantee_letter_answers_bad_date_reads_in_Russian_and_keeps_its_English_line()
    {
        var layout = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms")).Catalog.Find("demo-med")!.GuaranteeLetters!;
        using var content = File.OpenRead(Path.Combine(RepositoryPaths.Samples, "dms", "guarantee-letters", "demo-med-answer.xlsx"));
        var error = Assert.Single(DmsGuaranteeLetterReader.Read(content, "demo-med-answer.xlsx", layout).Errors);

        var finding = Assert.Single(RoundTrip(JsonSerializer.Serialize(new[] { DmsRowFinding.Of(error, $"row {error.Row}: {error.Reason}") }, DmsRowFinding.JsonOptions)))!;

        Assert.Equal((11, "Действует по", DmsRosterReasons.NotADate), (finding.Row, finding.Column, finding.Code));
        Assert.Equal($"row 11: {error.Reason}", In("en", finding));
        Assert.StartsWith("Строка 11 [Действует по]: Не дата: ожидается формат ДД.ММ.ГГГГ или ", In("ru", finding), StringComparison.Ordinal);
        // The cell (personal data) is not kept with the message.
        Assert.DoesNotContain("31.13.2026", JsonSerializer.Serialize(finding), StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_plain_line_is_no_row_finding_and_a_reason_without_words_reads_as_stored()
    {
        Assert.Equal([null], RoundTrip("""["Row 3 [Сумма]: not an amount in roubles (e.g. 2500,00)."]"""));
        var unknown = new DmsRowFinding("Row 3 [Сумма]: something new.", 3, "Сумма", "no-such-code", []);
        Assert.Equal("Row 3 [Сумма]: something new.", In("ru", unknown));
        var disagree = DmsGuaranteeLetterReasons.Disagree("limit", 7);
        Assert.Equal("Строка 9 [Лимит]: Строки письма расходятся: значение в этой строке отличается от строки 7; письмо не применено.",
            In("ru", DmsRowFinding.Of(new DmsRowError(9, "Лимит", null, disagree), "row 9: " + disagree.Text)));
    }

    [Fact]
    public void A_letter_the_importer_could_not_apply_reads_in_Russian_with_the_plans_status_label_and_without_a_column()
    {
        var decided = GuaranteeLetterProblem.Decided(PreAuthorizationStatus.Approved);
        var finding = Assert.Single(RoundTrip(JsonSerializer.Serialize(
            new[] { new DmsRowFinding("row 7: " + decided.Text, 7, null, decided.Code, decided.Args) }, DmsRowFinding.JsonOptions)))!;

        Assert.Equal("row 7: the plan is already Approved with another answer; a changed letter is not applied.", In("en", finding));
        Assert.Equal("Строка 7: План уже в статусе «одобрено» с другим ответом; изменённое письмо не применено.", In("ru", finding));
    }

    [Fact]
    public void Every_problem_of_the_importer_reads_in_Russian_with_its_values()
    {
        string Ru(GuaranteeLetterProblem problem) => In("ru", new DmsRowFinding("row 5: " + problem.Text, 5, null, problem.Code, problem.Args));
        var sum = (4500.01m).ToString("N2", CultureInfo.GetCultureInfo("ru"));

        Assert.Equal("Строка 5: Ни один план лечения, отправленный страховщику demo-dms-insurer, не имеет такого номера запроса; ничего не применено.",
            Ru(GuaranteeLetterProblem.NoPlanAt("demo-dms-insurer")));
        Assert.StartsWith("Строка 5: Такой номер запроса есть у планов нескольких клиник", Ru(GuaranteeLetterProblem.Several()), StringComparison.Ordinal);
        Assert.Equal("Строка 5: План в статусе «отменено»; запрос сведений применяется только к плану, ожидающему ответа.",
            Ru(GuaranteeLetterProblem.NotAwaitingAnswer(PreAuthorizationStatus.Cancelled)));
        Assert.Equal("Строка 5: План не может принять этот ответ. Причина (англ.): The pre-authorisation is already cancelled.",
            Ru(GuaranteeLetterProblem.Refuses("The pre-authorisation is already cancelled.")));
        Assert.StartsWith("Строка 5: В частично согласованном письме", Ru(GuaranteeLetterProblem.WithoutServices()), StringComparison.Ordinal);
        Assert.Equal($"Строка 5: В строке 6 одобрено {sum} — больше планового тарифа {4500m.ToString("N2", CultureInfo.GetCultureInfo("ru"))} по строке плана 1.",
            Ru(GuaranteeLetterProblem.OverFee(6, 4500.01m, 4500m, 1)));
        Assert.Equal("Строка 5: Строка 6: в плане нет (ещё одной) строки с услугой A06.07.003.", Ru(GuaranteeLetterProblem.NotPlanned(6, "A06.07.003")));
    }
}
