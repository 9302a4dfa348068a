using System.Globalization;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A failed check's reason in Russian: the hub's own sentences by their key, an adapter's account of the payer's answer read
/// back with the payer's values kept, anything else framed as the payer's details; in English the stored text.
/// </summary>
public sealed class EligibilityFailureTextTests
{
    private static string Render(string culture, string code, string reason)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return new EligibilityFailureText(new StringLocalizer<ConsoleText>(new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))).Render(code, reason);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    public static TheoryData<string, string> Reasons() => new()
    {
        { EligibilityFailureReasons.CircuitOpen, "Плательщик недоступен: Плательщик отвечал с ошибками; обращения к нему приостановлены на время." },
        { new CoreTransportException("demo-x12-dental", "Receiver", "SOAP fault: Member not on file").Message,
            "Плательщик недоступен: Плательщик demo-x12-dental вернул ошибку SOAP; ответ плательщика: Member not on file" },
        { new CoreTransportException("demo-x12-dental", null, "the response is not XML.").Message,
            "Плательщик недоступен: Плательщик demo-x12-dental: ответ — не XML." },
        { new CoreTransportException("demo-x12-dental", "Busy", "CORE error Busy: Try later (HTTP 503).").Message,
            "Плательщик недоступен: Плательщик demo-x12-dental вернул ошибку CORE Busy (HTTP 503); ответ плательщика: Try later" },
        { new PayerResponseException("demo", "The payer's 271 answers trace 'T1', not this inquiry's 'T2'.").Message,
            "Плательщик недоступен: Ответ 271 относится к трассировке «T1», а не к трассировке этого запроса «T2»." },
        { "Something a payer said", "Плательщик недоступен: подробности от плательщика (как получены): Something a payer said" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Render_AStoredReason_ReadsRussian(string reason, string russian)
    {
        Assert.Equal(russian, Render("ru", EligibilityFailureCodes.PayerUnavailable, reason));
        Assert.Equal("Payer unavailable: " + reason, Render("en", EligibilityFailureCodes.PayerUnavailable, reason));
    }
}
