using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Queue;
using DentalClaimsHub.Api.AdminConsole.X12View;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>A work reason's label: its key and what the code means, in the user's language; our own word-codes are replaced by words.</summary>
public sealed class WorkReasonTextTests
{
    [Theory]
    [InlineData("en", "TA1 024", "TA1 024: interchange rejected")]
    [InlineData("en", "277CA A7:21", "277CA A7:21: Missing or invalid information")]
    [InlineData("en", "835 denied", "835: denied without an adjustment code")]
    [InlineData("en", "ДМС акт unmatched", "ДМС акт: Not matched to a claim")]
    [InlineData("en", "other", "Other reason")]
    [InlineData("ru", "TA1 024", "TA1 024: обмен отклонён")]
    [InlineData("ru", "999 IK5 R", "999 IK5 R: Транзакция отклонена")]
    [InlineData("ru", "277 A7:21", "277 A7:21: Сведения отсутствуют или неверны")]
    [InlineData("ru", "835 CO-50", "835 CO-50: Плательщик не считает услугу медицински необходимой")]
    [InlineData("ru", "835 denied", "835: отказ без кода корректировки")]
    [InlineData("ru", "FHIR error", "FHIR: ответ ClaimResponse с ошибкой")]
    [InlineData("ru", "ДМС", "ДМС: отказ страховщика")]
    [InlineData("ru", "ДМС акт unmatched", "ДМС акт: Не сопоставлена с заявкой")]
    [InlineData("ru", "other", "Другая причина")]
    [InlineData("ru", "other CO-50", "Другая причина (CO-50)")]
    public void A_reason_is_labelled_in_the_users_language(string culture, string key, string label)
    {
        Assert.Equal(label, ConsoleCulture.In(culture,
            text => new WorkReasonText(text, new X12CodeExplainer(X12CodeDescriptions.LoadDefault(), text)).Label(WorkReason.Parse(key))));
    }
}
