using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A failed check's reason in Russian: the hub's own sentences by their key, an adapter's account of the payer's answer read
/// back with the payer's values kept, anything else framed as the payer's details; in English the stored text.
/// </summary>
public sealed class EligibilityFailureTextTests
{
    private static string Render(string culture, string code, string reason, string? reasonCode = null, IReadOnlyList<string>? args = null) =>
        ConsoleCulture.In(culture, text => new EligibilityFailureText(text).Render(code, reason, reasonCode, args));

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

    public static TheoryData<string, string> Coded() => new()
    {
        { "soap", "Ошибка на стороне плательщика: Плательщик demo-x12-dental вернул ошибку SOAP; ответ плательщика: Member not on file" },
        { "core", "Ошибка на стороне плательщика: Плательщик demo-x12-dental вернул ошибку CORE Busy (HTTP 503); ответ плательщика: Try later" },
        { "trace", "Ошибка на стороне плательщика: Ответ 271 относится к трассировке «T1», а не к трассировке этого запроса «T2»." },
        { "fhir", "Ошибка на стороне плательщика: FHIR-плательщик ответил кодом HTTP 422; ответ плательщика: Coverage *** expired" },
        { "x12", "Ошибка на стороне плательщика: Ответ 271 плательщика не удалось использовать; причина не указана." },
    };

    private static Exception Raised(string which) => which switch
    {
        "soap" => new CoreTransportException("demo-x12-dental", "Receiver",
            new PayerReason(PayerReasons.CoreSoapFault, ["demo-x12-dental", "Member not on file"])),
        "core" => new CoreTransportException("demo-x12-dental", "Busy",
            new PayerReason(PayerReasons.CoreError, ["demo-x12-dental", "Busy", "Try later", "503"])),
        "trace" => new PayerResponseException("demo", new PayerReason(PayerReasons.OtherTrace, ["T1", "T2"])),
        "fhir" => new PayerResponseException("demo", new PayerReason(PayerReasons.FhirHttpError, ["422", "Coverage *** expired"])),
        _ => new PayerResponseException("demo", new PayerReason(PayerReasons.X12UnusableUnexplained, [])),
    };

    [Theory]
    [MemberData(nameof(Coded))]
    public void Render_ACodedReason_ReadsRussianFromTheCodeAndItsValues(string which, string russian)
    {
        var raised = Raised(which);
        var reason = raised is CoreTransportException core ? core.Reason! : ((PayerResponseException)raised).Reason!;

        Assert.Equal(russian, Render("ru", EligibilityFailureCodes.PayerError, raised.Message, reason.Code, reason.Args));
        Assert.Equal("Payer error: " + raised.Message, Render("en", EligibilityFailureCodes.PayerError, raised.Message, reason.Code, reason.Args));
    }

    [Fact]
    public void Render_ACodedReason_DoesNotDependOnTheStoredEnglish()
    {
        // The adapter's wording may change; the code and its values still read the same.
        Assert.Equal("Плательщик недоступен: Плательщик p1: ответ — не XML.",
            Render("ru", EligibilityFailureCodes.PayerUnavailable, "Payer p1 sent something that is not XML", PayerReasons.CoreNotXml, ["p1"]));
        Assert.Equal("Плательщик недоступен: Не удалось вовремя связаться с плательщиком.",
            Render("ru", EligibilityFailureCodes.PayerUnavailable, "Unreachable, worded anew", "unreachable", []));
    }

    [Theory]
    [InlineData("some-code-of-a-newer-hub", new string[0])]
    [InlineData(PayerReasons.OtherTrace, new[] { "only one value" })]
    public void Render_ACodeWithoutWordsOrWithTooFewValues_FallsBackToTheEnglish(string reasonCode, string[] args) =>
        Assert.Equal("Плательщик недоступен: подробности от плательщика (как получены): Something a payer said",
            Render("ru", EligibilityFailureCodes.PayerUnavailable, "Something a payer said", reasonCode, args));
}
