using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.AdminConsole.X12View;
using DentalClaimsHub.Domain.Claims;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Tests.Console;

public sealed class TimelineReasonTextTests
{
    private static TimelineReasonText Reasons()
    {
        var text = new StringLocalizer<ConsoleText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        return new TimelineReasonText(text, new X12CodeExplainer(X12CodeDescriptions.LoadDefault(), text));
    }

    private static T InCulture<T>(string culture, Func<T> work) => ConsoleCulture.In(culture, _ => work());

    public static TheoryData<string, ClaimState, string[], string> Russian => new()
    {
        { TimelineReasonCodes.Created, ClaimState.Draft, [], "создана" },
        { TimelineReasonCodes.FollowUp, ClaimState.Corrected, ["Replacement", "PCN-2"], "Исправленная (7): заявка PCN-2" },
        { TimelineReasonCodes.Ta1Rejected, ClaimState.Rejected, ["000000123", "024"], "TA1 отклонил обмен 000000123 (код примечания 024)" },
        { TimelineReasonCodes.Ack999Rejected, ClaimState.Rejected, ["0001", "R", "IK3*CLM*23**8"], "999 отклонил набор транзакций 0001 (IK5 R: " },
        { TimelineReasonCodes.ClaimAckRejected, ClaimState.Rejected, ["A3:21", "IL"], "277CA отклонил заявку: A3: " },
        { TimelineReasonCodes.ClaimStatus, ClaimState.Pending, ["P1:20", ""], "277, статус заявки: P1: " },
        { TimelineReasonCodes.Remittance, ClaimState.Denied, ["CO-50", "CO-50", "N130", "0", "100", "USD"], "Отказ в оплате (CLP02 4): CO-50: " },
        { TimelineReasonCodes.Remittance, ClaimState.PartiallyPaid, ["CO-97", "CO-97", "", "1234.5", "2000", "RUB"], "Оплачено 1 234,50 RUB из 2 000,00 RUB: CO-97: " },
        { TimelineReasonCodes.Reversal, ClaimState.Pending, ["80.25", "USD"], "Плательщик отменил прежнее решение (CLP02 22, возвращено 80,25 USD)." },
        { TimelineReasonCodes.Predetermination, ClaimState.Closed, [], "Получен ответ на предварительную оценку (835 CLP02 25)." },
        { TimelineReasonCodes.FhirError, ClaimState.Rejected, ["Member not found"], "ClaimResponse с ошибкой: Member not found" },
        { TimelineReasonCodes.FhirError, ClaimState.Rejected, [""], "ClaimResponse с ошибкой: причина не указана" },
        { TimelineReasonCodes.FhirQueued, ClaimState.Pending, ["manual review"], "Плательщик поставил заявку на рассмотрение: manual review" },
        { TimelineReasonCodes.WrittenOff, ClaimState.Closed, ["small balance"], "Списано: small balance" },
        { TimelineReasonCodes.DmsNoInn, ClaimState.Draft, ["DMS-0001"], "Заявку DMS-0001 нельзя включить в реестр ДМС: у клиники не указан ИНН." },
        { TimelineReasonCodes.DmsUnknownService, ClaimState.Draft, ["GP-PLAN-0001", "3", "A06.07.999"], "План GP-PLAN-0001, строка 3: услуги A06.07.999 нет в справочнике" },
        { TimelineReasonCodes.FhirUnbuildable, ClaimState.Draft, ["Value cannot be empty"], "Заявку нельзя представить как FHIR Claim: Value cannot be empty" },
        { TimelineReasonCodes.FhirUnbuildable, ClaimState.Draft, [""], "Заявку нельзя представить как FHIR Claim: причина не указана" },
        { TimelineReasonCodes.X12Unbuildable, ClaimState.Draft, ["PCN-9", "practice-npi", "rendering-npi"],
            "Заявку PCN-9 нельзя отправить как 837D: у клиники нет NPI (2010AA NM109); у лечащего врача нет NPI (2310B NM109)." },
        { TimelineReasonCodes.X12Unbuildable, ClaimState.Draft, ["PCN-9", "no-lines", "some-later-check"],
            "Заявку PCN-9 нельзя отправить как 837D: в заявке нет строк (2400); some-later-check." },
        { TimelineReasonCodes.X12NoSubmitterContact, ClaimState.Draft, [],
            "У контакта отправителя 837 в настройках хаба (Hub:X12:Submitter) нет ни телефона, ни e-mail (1000A PER)." },
    };

    [Theory]
    [MemberData(nameof(Russian))]
    public void Render_Russian_WordsTheCodeAndKeepsFreeTextAsWritten(string code, ClaimState state, string[] args, string expected)
    {
        // Russian groups thousands with a no-break space (U+00A0 or U+202F, by ICU version): compare it as a space.
        var said = InCulture("ru-RU", () => Reasons().Render(state, "the English sentence", code, args)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Assert.StartsWith(expected, said, StringComparison.Ordinal);
        Assert.DoesNotContain("English", said, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryCodeIsCoveredByTheRussianCases()
    {
        var covered = Russian.Select(row => (string)row[0]).ToHashSet();
        Assert.All(TimelineReasonCodes.All, code => Assert.Contains(code, covered));
    }

    [Fact]
    public void Render_English_ShowsTheStoredSentence() =>
        Assert.Equal("999 rejected transaction set 0001 (IK5 R)",
            InCulture("en-US", () => Reasons().Render(ClaimState.Rejected, "999 rejected transaction set 0001 (IK5 R)", TimelineReasonCodes.Ack999Rejected, ["0001", "R", ""])));

    [Fact]
    public void Render_WithoutCode_ShowsTheStoredTextInEveryLanguage() =>
        Assert.Equal("Fixed the member id", InCulture("ru-RU", () => Reasons().Render(ClaimState.Draft, "Fixed the member id", null, [])));
}
