using System.Text;
using DentalClaimsHub.Adapters.Fhir.Remittances;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Messages;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>The FHIR reader's own findings, as it writes them, read in Russian; the FHIR library's diagnostics kept as values.</summary>
public sealed class FhirFindingTextTests
{
    private static string? In(string culture, string stored) => ConsoleCulture.In(culture, text => new FhirFindingText(text).Render(stored));

    private static string Finding(string body) =>
        Assert.Single(FhirInboundReader.Read(Encoding.UTF8.GetBytes(body), "demo-fhir-dental", DateTimeOffset.UtcNow).Problems);

    [Fact]
    public void The_readers_findings_read_in_Russian_and_in_English_as_stored()
    {
        var notFhir = Finding("""{"hello":"world"}""");
        Assert.Null(In("en", notFhir));
        Assert.Equal("Не ресурс FHIR: ожидается объект JSON с resourceType.", In("ru", notFhir));

        var unsent = Finding("""{"resourceType":"Location","id":"l1"}""");
        Assert.Equal("Location плательщик хабу не присылает; сохранено без чтения.", In("ru", unsent));

        // The FHIR library's diagnostic stays a value inside the Russian frame.
        Assert.Equal("Не ресурс FHIR R4. Сообщение библиотеки FHIR: Unknown type 'Foo' (at Foo)",
            In("ru", "Not a FHIR R4 resource: Unknown type 'Foo' (at Foo)"));

        Assert.Null(In("ru", "Something else entirely."));
    }

    [Fact]
    public void A_body_that_is_not_JSON_and_an_EOB_naming_no_claim_of_ours_read_in_Russian()
    {
        var notJson = Finding("not json at all");
        Assert.StartsWith("Тело файла — не JSON: ошибка в строке 1, позиции 2. Сообщение разборщика JSON (англ.): 'not json at all' is", In("ru", notJson),
            StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", In("ru", notJson), StringComparison.Ordinal);

        var eob = Finding("""{"resourceType":"ExplanationOfBenefit","id":"e7","status":"active","outcome":"complete"}""");
        Assert.Equal("Платёж EOB-e7 не разнесён: в ExplanationOfBenefit e7 нет номера нашей заявки (urn:dentalclaimshub:patient-control-number).",
            In("ru", eob));
        // Another reason of the domain's stays its English inside the Russian frame.
        Assert.Equal("Платёж P-1 не разнесён. Причина (англ.): Amounts are in different currencies.",
            In("ru", "Payment P-1: Amounts are in different currencies."));
    }
}
