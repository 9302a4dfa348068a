using System.Text;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Logs;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Storage.Rosters;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A roster row's reason and an import's failure are coded where they are written (the English unchanged) and worded from the
/// code in Russian with the insurer's titles and cells as given; old reasons without a code are recognised by their English.
/// </summary>
public sealed class RosterReasonTextTests
{
    private static string In(string culture, Func<RosterReasonText, string> render) =>
        ConsoleCulture.In(culture, text => render(new RosterReasonText(text)));

    private static DmsRosterLayout Layout(string mapping) =>
        DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms")).Catalog.Find(mapping)!.Rosters!;

    private static List<DmsRowError> ErrorsOf(string sample, string mapping)
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.Samples, "dms", "invalid", sample));
        using var reader = DmsRosterReader.Open(file, Path.GetFileName(sample), Layout(mapping), fullListDate: new DateOnly(2026, 12, 1));
        return [.. reader.Entries().Select(e => e.Error).OfType<DmsRowError>()];
    }

    [Fact]
    public void Render_BadDatesFromTheReader_ReadsInRussianWithTheFormatsInRussianLetters()
    {
        var errors = ErrorsOf("severnaya-zashchita/bad-dates.csv", "severnaya-zashchita");

        var first = Assert.IsType<DmsRowError>(errors[0]);
        Assert.Equal(DmsRosterReasons.NotADate, first.Code);
        Assert.Equal("not a date in dd.MM.yyyy or d.M.yyyy or dd.MM.yy.", first.Reason);
        var stored = RosterImportReasons.Stored(first);
        Assert.Equal("Не дата: ожидается формат ДД.ММ.ГГГГ или Д.М.ГГГГ или ДД.ММ.ГГ.", In("ru", t => t.Render(stored)));
        Assert.Equal(first.Reason, In("en", t => t.Render(stored)));
    }

    [Fact]
    public void Render_ActionsOfAMixedFile_ReadInRussian()
    {
        var errors = ErrorsOf("yug-polis/izmeneniya-bad-action.csv", "yug-polis");

        Assert.Equal([DmsRosterReasons.ActionUnknown, DmsRosterReasons.ActionEmpty], errors.Select(e => e.Code));
        Assert.Equal(
            ["Действие не распознано: в формулировках этой страховой компании это ни прикрепление, ни открепление.",
                "В строке не указано, прикрепление это или открепление (ячейка пуста, и над строкой нет заголовка раздела)."],
            errors.Select(e => In("ru", t => t.Render(RosterImportReasons.Stored(e)))));
    }

    [Fact]
    public void Open_FileWithoutHeader_ThrowsACodedFailureWithTheCountAndPattern()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.Samples, "dms", "invalid", "severnaya-zashchita", "no-header.csv"));

        var failure = Assert.Throws<DmsRosterException>(() => DmsRosterReader.Open(file, "no-header.csv", Layout("severnaya-zashchita")));

        Assert.Equal(DmsRosterReasons.NoHeader, failure.Reason.Code);
        Assert.Equal(["20", "^Фамилия$"], failure.Reason.Args);
        Assert.Equal("Не найдена строка заголовка: ни в одной из первых 20 непустых строк нет ячейки по шаблону «^Фамилия$».",
            In("ru", t => t.Render(failure.Message, failure.Reason.Code, failure.Reason.Args)));
    }

    [Fact]
    public void Open_WrongZipPassword_ThrowsACodedFailureNamingTheEntry()
    {
        using var zip = new MemoryStream();
        using (var archive = new ICSharpCode.SharpZipLib.Zip.ZipOutputStream(zip) { IsStreamOwner = false, Password = "right" })
        {
            archive.PutNextEntry(new ICSharpCode.SharpZipLib.Zip.ZipEntry("spisok.csv") { AESKeySize = 256 });
            archive.Write(Encoding.UTF8.GetBytes("Фамилия;Имя\n"));
            archive.CloseEntry();
        }

        zip.Position = 0;
        var failure = Assert.Throws<DmsRosterException>(() => DmsRosterReader.Open(zip, "spisok.zip", Layout("severnaya-zashchita"), "wrong"));

        Assert.Equal(DmsRosterReasons.ZipPasswordWrong, failure.Reason.Code);
        Assert.Equal("Неверный пароль ZIP-архива для файла spisok.csv.", In("ru", t => t.Render(failure.Message, failure.Reason.Code, failure.Reason.Args)));
    }

    [Theory]
    [InlineData("the policy number is empty.", "Не указан номер полиса.")]
    [InlineData("not a date in dd.MM.yyyy.", "Не дата: ожидается формат ДД.ММ.ГГГГ.")]
    [InlineData("the periodTo above the table is not a date in dd.MM.yyyy or d.M.yyyy.",
        "Конец периода над таблицей — не дата: ожидается формат ДД.ММ.ГГГГ или Д.М.ГГГГ.")]
    [InlineData("the header row lacks policy (Номер полиса), fullName (ФИО).", "В строке заголовка нет обязательных столбцов: «Номер полиса», «ФИО».")]
    [InlineData("3 row(s) could not be read, so nothing was applied (the import was not marked partial); the rows are listed.",
        "Строк с ошибками: 3. Ничего не применено: импорт не отмечен как частичный. Строки перечислены ниже.")]
    [InlineData("the insurer 'dms-x' has no roster layout in mappings/dms.", "Для страховой компании «dms-x» нет настройки списков в mappings/dms.")]
    [InlineData("nobody with this policy is attached to the clinic; the detachment was not applied.",
        "Никто с этим полисом не прикреплён к клинике; открепление не применено.")]
    [InlineData("The XML is broken at line 12, position 7.", "XML повреждён: строка 12, позиция 7.")]
    public void Render_OldReasonWithoutCode_IsRecognisedByItsEnglish(string stored, string russian)
    {
        Assert.Equal(russian, In("ru", t => t.Render(new RosterImportError(4, "Полис", null, stored))));
        Assert.Equal(stored, In("en", t => t.Render(new RosterImportError(4, "Полис", null, stored))));
    }

    [Fact]
    public void Render_UnknownOldReason_ReadsAsStored() =>
        Assert.Equal("something the reader once said.", In("ru", t => t.Render("something the reader once said.", null, null)));

    [Fact]
    public void Fail_RowsRejected_KeepsTheEnglishAndStoresItsCode()
    {
        var reason = RosterImportReasons.RowsRejected(2, fullList: true);

        Assert.Equal("2 row(s) could not be read, so nothing was applied (a full list is applied whole or not at all); the rows are listed.", reason.Text);
        Assert.Equal("Строк с ошибками: 2. Ничего не применено: полный список применяется только целиком. Строки перечислены ниже.",
            In("ru", t => t.Render(reason.Text, reason.Code, reason.Args)));
    }
}
