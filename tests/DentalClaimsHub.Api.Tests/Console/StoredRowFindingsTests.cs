using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.Api.Dms;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using DentalClaimsHub.Domain.PreAuthorizations;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// ДМС findings a message kept as plain English lines before they carried codes: an act's and a guarantee-letter answer's are
/// recognised by their English and read in Russian with their row; a line the hub never wrote is not recognised.
/// </summary>
public sealed class StoredRowFindingsTests
{
    private static string Russian(string stored)
    {
        var finding = StoredRowFindings.Recognise(stored);
        Assert.NotNull(finding);
        return ConsoleCulture.In("ru",
            text => new DmsRowFindingText(text, new RosterReasonText(text), new GuaranteeLetterProblemText(text)).Render(finding));
    }

    [Fact]
    public void Recognise_OlderActRows_ReadInRussianWithRowAndColumn()
    {
        Assert.Equal("Строка 3 [Сумма]: Не сумма в рублях (например, 2500,00).",
            Russian("Row 3 [Сумма]: " + DmsActReasons.Of(DmsActReasons.AmountInvalid).Text));
        var sums = Russian("Row 12 [Снято, руб.]: " + DmsActReasons.DoNotAddUp(2100m, 300m, 2500m).Text);
        Assert.StartsWith("Строка 12 [Снято, руб.]: Принятая сумма 2", sums, StringComparison.Ordinal);
        Assert.Contains("100,00", sums, StringComparison.Ordinal);
        Assert.Equal("Строка 4 [Дата]: Не дата: ожидается формат ДД.ММ.ГГГГ.",
            Russian("Row 4 [Дата]: " + DmsRosterReasons.NotADateIn(["dd.MM.yyyy"]).Text));
    }

    [Fact]
    public void Recognise_OlderGuaranteeLetterLines_ReadInRussianWithTheirRow()
    {
        Assert.Equal("Строка 9: Письмо не применено: его строку 8 прочитать нельзя.", Russian("row 9: " + DmsGuaranteeLetterReasons.Unreadable(8).Text));
        Assert.Equal("Строка 5: Не код номенклатуры 804н (например, A16.07.002).",
            Russian("row 5: " + DmsActReasons.Of(DmsActReasons.ServiceCodeInvalid).Text));
        Assert.Equal("Строка 7: Ни один план лечения, отправленный страховщику demo-dms-insurer, не имеет такого номера запроса; ничего не применено.",
            Russian("row 7: no treatment plan sent to demo-dms-insurer has this request number; nothing applied."));
        Assert.Equal("Строка 7: План уже в статусе «отказано» с другим ответом; изменённое письмо не применено.",
            Russian("row 7: " + GuaranteeLetterProblem.Decided(PreAuthorizationStatus.Denied).Text));
        // The amounts were written in the server's culture, a decimal comma included.
        Assert.Equal(["6", "4500.01", "4500.00", "1"],
            StoredRowFindings.Recognise("row 5: row 6: the approved 4500,01 is more than the planned fee 4500,00 of line 1.")!.Args);
    }

    [Theory]
    [InlineData("row 3: something the hub never wrote.")]
    [InlineData("Row 3 [Сумма]: the policy number is empty.")]
    [InlineData("Ingest: row 3: not a date in dd.MM.yyyy.")]
    public void Recognise_LineTheHubNeverWroteThere_IsNull(string stored) => Assert.Null(StoredRowFindings.Recognise(stored));
}
