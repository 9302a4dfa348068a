using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.Api.AdminConsole.Payers;
using DentalClaimsHub.Api.AdminConsole.Remittances;
using DentalClaimsHub.Api.Inbound;
using Microsoft.Extensions.Localization;
using Polly.CircuitBreaker;
using static DentalClaimsHub.Api.Tests.Console.ConsoleCulture;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The shared code-to-words step of the console's renderers: a <c>Prefix.code</c> text filled with the stored values in the
/// user's language, or null (the caller shows the stored English) in English, without a text, or when the values do not fit.
/// </summary>
public sealed class CodedTextTests
{
    // Russian groups thousands with a no-break space.
    private const string Space = "\u00A0";

    [Fact]
    public void Words_RussianCodeWithText_FillsTheValues()
    {
        Assert.Equal("Плательщик ответил кодом HTTP 503", In("ru", t => t.Words("PayerFailure", PayerFailures.HttpStatus, ["503"])));
        Assert.Equal("Предохранитель разомкнут: вызовы отклонены", In("ru", t => t.Words("PayerFailure", PayerFailures.CircuitOpen, [])));
    }

    [Fact]
    public void Words_English_IsNullSoTheStoredSentenceIsShown()
    {
        Assert.Null(In("en", t => t.Words("PayerFailure", PayerFailures.HttpStatus, ["503"])));
        Assert.True(In("en", _ => CodedText.InEnglish));
        Assert.False(In("ru", _ => CodedText.InEnglish));
    }

    [Fact]
    public void Words_NoCodeOrNoText_IsNull()
    {
        Assert.Null(In("ru", t => t.Words("PayerFailure", null, ["503"])));
        Assert.Null(In("ru", t => t.Words("PayerFailure", "retired-code", [])));
        Assert.Null(In("ru", t => t.Words("NoSuchPrefix", PayerFailures.HttpStatus, ["503"])));
    }

    [Fact]
    public void Words_ValueFormatter_GetsEachIndexAndStoredValue()
    {
        List<(int, string)> seen = [];
        var words = In("ru", t => t.Words("RemittanceProblem", "payment-unbalanced", ["1234.50 USD", "-7 RUB"], (i, value) =>
        {
            seen.Add((i, value));
            return StoredValue.Money(value);
        }));

        Assert.Equal($"Выплачено по заявкам минус корректировки клиники — 1{Space}234,50 USD, а сумма платежа — -7,00 RUB.", words);
        Assert.Equal([(0, "1234.50 USD"), (1, "-7 RUB")], seen);
    }

    [Fact]
    public void Words_NoTextOrEnglish_DoesNotCallTheFormatter()
    {
        var called = false;
        string Mark(int i, string value)
        {
            called = true;
            return value;
        }

        Assert.Null(In("ru", t => t.Words("PayerFailure", "retired-code", ["x"], Mark)));
        Assert.Null(In("en", t => t.Words("PayerFailure", PayerFailures.HttpStatus, ["503"], Mark)));
        Assert.False(called);
    }

    [Fact]
    public void Words_FewerValuesThanTheTextNames_IsNullInsteadOfThrowing()
    {
        // A row stored with fewer values than today's text names ({0}..{3}): string.Format would throw FormatException.
        Assert.Null(In("ru", t => t.Words("PayerFailure", PayerFailures.HttpStatus, [])));
        Assert.Null(In("ru", t => t.Words("Ingest", "remittance-not-posted", ["P1", "T1", "Unbalanced"])));
    }

    [Fact]
    public void Words_MoreValuesThanTheTextNames_IgnoresTheRest()
    {
        Assert.Equal("Получатель ответил кодом HTTP 500", In("ru", t => t.Words("WebhookError", "http-status", ["500", "Internal Server Error"])));
    }

    [Fact]
    public void Render_PayerFailureWithTooFewValues_ReadsAsRecorded()
    {
        // Before the shared step this threw FormatException out of the Payers page.
        var health = new PayerCircuitSnapshot("demo", CircuitState.Closed, null, DateTimeOffset.UnixEpoch, "HTTP 503")
        {
            LastFailureCode = PayerFailures.HttpStatus,
            LastFailureArgs = [],
        };

        Assert.Equal("HTTP 503", In("ru", t => new PayerFailureText(t).Render(health)));
    }

    [Fact]
    public void Render_IngestNoteWithTooFewValues_ReadsAsTheApiWroteIt()
    {
        var note = new IngestNote(IngestNotes.RemittanceNotPosted, ["P1", "T1", "Unbalanced"], "Payment P1 (trace T1) not posted.");
        var full = note with { Args = ["P1", "T1", "Unbalanced", "No claim."] };

        Assert.Equal("Payment P1 (trace T1) not posted.", In("ru", t => Ingest(t).Render(note)));
        Assert.Equal("Платёж P1 (номер перевода T1) не разнесён («Не сходится»): No claim.", In("ru", t => Ingest(t).Render(full)));
    }

    private static IngestNoteText Ingest(IStringLocalizer<ConsoleText> t) =>
        new(t, new ClaimRuleText(t), new X12IssueText(t), new RemittanceProblemText(t));

    [Fact]
    public void Name_KnownCode_IsItsWordsAndUnknownIsTheCode()
    {
        Assert.Equal("Оплачена", In("ru", t => t.Name("State", "Paid")));
        Assert.Equal("Paid", In("en", t => t.Name("State", "Paid")));
        Assert.Equal("Bogus", In("ru", t => t.Name("State", "Bogus")));
        Assert.Null(In("ru", t => t.Label("State", "Bogus")));
        Assert.Equal("Оплачена", In("ru", t => t.Label("State", "Paid")));
    }

    [Fact]
    public void StoredValue_InvariantForms_ReadInTheUsersCulture()
    {
        Assert.Equal($"1{Space}234,50 USD", In("ru", _ => StoredValue.Money("1234.50 USD")));
        Assert.Equal("1,234.50 USD", In("en", _ => StoredValue.Money("1234.50 USD")));
        Assert.Equal($"2{Space}500,00 RUB", In("ru", _ => StoredValue.Money("2500", "RUB")));
        Assert.Equal($"2{Space}500,00", In("ru", _ => StoredValue.Number("2500.00")));
        Assert.Equal("2,5", In("ru", _ => StoredValue.Number("2.5", "0.#")));
        Assert.Equal("01.03.2026", In("ru", _ => StoredValue.Date("2026-03-01")));
    }

    [Fact]
    public void StoredValue_NotInTheStoredForm_IsShownAsGiven()
    {
        Assert.Equal("1234.50", In("ru", _ => StoredValue.Money("1234.50")));
        Assert.Equal("a lot USD", In("ru", _ => StoredValue.Money("a lot USD")));
        Assert.Equal("n/a", In("ru", _ => StoredValue.Money("n/a", "RUB")));
        Assert.Equal("about 3", In("ru", _ => StoredValue.Number("about 3")));
        Assert.Equal("01.03.2026", In("ru", _ => StoredValue.Date("01.03.2026")));
    }
}
