using System.Text;
using DentalClaimsHub.Adapters.Dms.Files;
using ICSharpCode.SharpZipLib.Zip;

namespace DentalClaimsHub.Adapters.Tests.Dms.Files;

public sealed class DmsFileZipTests
{
    private static readonly byte[] RosterCsv = DmsRows.Windows1251.GetBytes("№ полиса;ФИО\n0012345;Тестова Анна Петровна\n");

    [Theory]
    [InlineData(256)]
    [InlineData(0)] // ZipCrypto
    public void Unwrap_RightPassword_GivesTheEntry(int aesKeySize)
    {
        using var zip = new MemoryStream(Zip("s3cret-Пароль", aesKeySize, ("Прикрепление 01.02.2026.csv", RosterCsv)));

        var unwrapped = DmsFile.Unwrap(zip, "s3cret-Пароль");

        Assert.NotNull(unwrapped);
        using var content = unwrapped.Value.Content;
        Assert.Equal("Прикрепление 01.02.2026.csv", unwrapped.Value.FileName);
        var rows = DmsFile.ReadRows(content, DmsFile.Detect(RosterCsv, unwrapped.Value.FileName), new DmsReadOptions()).ToList();
        Assert.Equal("2: 0012345 | Тестова Анна Петровна |", DmsRows.Render(rows[1]));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public void Unwrap_WrongPassword_SaysSo(int aesKeySize)
    {
        using var zip = new MemoryStream(Zip("s3cret", aesKeySize, ("roster.xls", RosterCsv)));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(zip, "guess"));

        Assert.Contains("password is wrong", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public void Unwrap_MissingPassword_SaysSo(int aesKeySize)
    {
        using var zip = new MemoryStream(Zip("s3cret", aesKeySize, ("roster.xlsx", RosterCsv)));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(zip, null));

        Assert.Contains("password", error.Message, StringComparison.Ordinal);
        Assert.Contains("none was given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrap_TwoSpreadsheets_ListsBoth()
    {
        using var zip = new MemoryStream(Zip(null, 0, ("прикрепление.xlsx", RosterCsv), ("открепление.xls", RosterCsv),
            ("readme.pdf", [1, 2, 3])));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(zip, null));

        Assert.Contains("'прикрепление.xlsx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'открепление.xls'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("readme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrap_NoSpreadsheet_ListsWhatIsThere()
    {
        using var zip = new MemoryStream(Zip(null, 0, ("letter.pdf", [1, 2, 3])));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(zip, null));

        Assert.Contains("'letter.pdf'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrap_PlainZipInFolder_GivesTheEntryByItsFileName()
    {
        using var zip = new MemoryStream(Zip(null, 0,
            ("реестр/roster.xml", Encoding.UTF8.GetBytes("<a/>")), ("__MACOSX/реестр/._roster.xml", [0])));

        var unwrapped = DmsFile.Unwrap(zip, null);

        Assert.NotNull(unwrapped);
        using var content = unwrapped.Value.Content;
        Assert.Equal("roster.xml", unwrapped.Value.FileName);
        Assert.Equal("<a/>", new StreamReader(content).ReadToEnd());
    }

    [Fact]
    public void Unwrap_Xlsx_NullAndStreamUntouched()
    {
        var xlsx = DmsFileExcelTests.Xlsx(new object?[] { "0012345" });
        using var stream = new MemoryStream(xlsx);

        Assert.Null(DmsFile.Unwrap(stream, "unused"));
        Assert.Equal(0, stream.Position);
        Assert.Equal(DmsFileFormat.Xlsx, DmsFile.Detect(xlsx, null));
    }

    [Fact]
    public void Unwrap_NotAZip_Null()
    {
        using var stream = new MemoryStream(RosterCsv);

        Assert.Null(DmsFile.Unwrap(stream, null));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Unwrap_ZipInAZip_UpToThreeLevels_GivesTheInnermostEntry(int levels)
    {
        var archive = Zip(null, 0, ("Прикрепление 01.02.2026.csv", RosterCsv));
        for (var level = 2; level <= levels; level++)
        {
            archive = Zip(null, 0, ($"вложение-{level}.zip", archive), ("readme.txt.pdf", [1]));
        }

        var unwrapped = DmsFile.Unwrap(new MemoryStream(archive), null);

        Assert.NotNull(unwrapped);
        using var content = unwrapped.Value.Content;
        Assert.Equal("Прикрепление 01.02.2026.csv", unwrapped.Value.FileName);
        Assert.Equal(RosterCsv, ((MemoryStream)content).ToArray());
    }

    [Fact]
    public void Unwrap_PasswordZipAroundAPlainZip_OpensBoth()
    {
        var archive = Zip("s3cret", 256, ("inner.zip", Zip(null, 0, ("roster.csv", RosterCsv))));

        var unwrapped = DmsFile.Unwrap(new MemoryStream(archive), "s3cret");

        Assert.Equal("roster.csv", unwrapped!.Value.FileName);
        unwrapped.Value.Content.Dispose();
    }

    [Fact]
    public void Unwrap_FourLevels_IsRefusedNamingTheDepth()
    {
        var archive = Zip(null, 0, ("roster.csv", RosterCsv));
        for (var level = 2; level <= 4; level++)
        {
            archive = Zip(null, 0, ($"level-{level}.zip", archive));
        }

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(new MemoryStream(archive), null));

        Assert.Equal("The ZIP archive nests archives more than 3 deep (level-2.zip at level 4); nothing was read.", error.Message);
    }

    [Fact]
    public void Unwrap_NestedBomb_StopsAtTheSharedCapWithAClearError()
    {
        // 400 KB of zeros compress to a few hundred bytes, wrapped twice: past a 300 KB cap on all levels together it stops
        // with a clear error; with room for it the same archive opens.
        var zeros = new byte[400_000];
        var archive = Zip(null, 0, ("roster.csv", zeros));
        archive = Zip(null, 0, ("b.zip", archive));
        archive = Zip(null, 0, ("a.zip", archive));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(new MemoryStream(archive), null, maxInflatedBytes: 300_000));
        var fits = DmsFile.Unwrap(new MemoryStream(archive), null, maxInflatedBytes: 500_000);

        Assert.Equal("The ZIP archive inflates to more than 300000 bytes over its nested archives (a ZIP bomb or damage); nothing was read.",
            error.Message);
        Assert.Equal(zeros.Length, fits!.Value.Content.Length);
        fits.Value.Content.Dispose();
    }

    [Fact]
    public void Unwrap_EntryNamedZipThatIsNot_SaysSo()
    {
        var archive = Zip(null, 0, ("inner.zip", RosterCsv));

        var error = Assert.Throws<DmsFileException>(() => DmsFile.Unwrap(new MemoryStream(archive), null));

        Assert.Equal("The ZIP archive's entry inner.zip is named as a ZIP but is not one.", error.Message);
    }

    [Fact]
    public void Detect_ZipOfOtherFiles_AsksToUnwrapFirst()
    {
        var zip = Zip("s3cret", 256, ("roster.csv", RosterCsv));

        Assert.Throws<DmsFileException>(() => DmsFile.Detect(zip, "roster.zip"));
    }

    private static byte[] Zip(string? password, int aesKeySize, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipOutputStream(stream) { IsStreamOwner = false })
        {
            zip.Password = password;
            foreach (var (name, content) in entries)
            {
                zip.PutNextEntry(new ZipEntry(name) { AESKeySize = password is null ? 0 : aesKeySize, IsUnicodeText = true });
                zip.Write(content);
                zip.CloseEntry();
            }
        }

        return stream.ToArray();
    }
}
