using System.Globalization;
using System.IO.Compression;
using System.Text;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;
using MiniExcelLibs;

namespace DentalClaimsHub.Adapters.Tests.Dms.Registries;

/// <summary>One sample registry rendered with every insurer's layout from <c>mappings/dms</c>; XLSX is pinned as a text rendering of its sheet.</summary>
public sealed class DmsRegistryRendererTests
{
    private static readonly Lazy<DmsMappingCatalog> Catalog = new(() =>
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));
        Assert.Empty(errors);
        return catalog;
    });

    static DmsRegistryRendererTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Layouts()
    {
        var data = new TheoryData<string>();
        foreach (var mapping in Catalog.Value.Mappings.Where(mapping => mapping.Registry is not null))
        {
            data.Add(mapping.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public Task Render_InsurerLayout_MatchesSnapshot(string mapping)
    {
        var layout = Layout(mapping);
        var bytes = DmsRegistryRenderer.Render(RegistrySamples.Registry(layout.DiscountPercent), layout);

        return Snapshot.Verify(AsText(bytes, layout), "txt", mapping, scrub: false);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_SameRegistryTwice_GivesTheSameBytes(string mapping)
    {
        var layout = Layout(mapping);

        var first = DmsRegistryRenderer.Render(RegistrySamples.Registry(), layout);
        var second = DmsRegistryRenderer.Render(RegistrySamples.Registry(), layout);

        Assert.Equal(first, second);
        var changed = RegistrySamples.Registry() with { Lines = [.. RegistrySamples.Registry().Lines.Select(line => line with { Quantity = line.Quantity + 1 })] };
        Assert.NotEqual(first, DmsRegistryRenderer.Render(changed, layout));
    }

    [Fact]
    public void Render_Xlsx_StampsEveryPackageEntryWithTheRegistryDate()
    {
        var bytes = DmsRegistryRenderer.Render(RegistrySamples.Registry(), Layout("demo-med"));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, entry => Assert.Equal(new DateTime(2026, 11, 2, 12, 0, 0), entry.LastWriteTime.DateTime));
    }

    [Fact]
    public void Render_Xlsx_WritesAmountsAsNumbers()
    {
        var bytes = DmsRegistryRenderer.Render(RegistrySamples.Registry(), Layout("demo-med"));

        var rows = Rows(bytes);
        var header = rows.FindIndex(row => Equals(row[0], "№ п/п"));
        var amount = rows[header].IndexOf("Сумма");
        Assert.Equal(1425.0, Convert.ToDouble(rows[header + 1][amount], CultureInfo.InvariantCulture));
        Assert.Equal("Итого", rows[^1][0]);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains("formatCode=\"#,##0.00\"", Entry(zip, "xl/styles.xml"), StringComparison.Ordinal);
        var sheet = Entry(zip, "xl/worksheets/sheet1.xml");
        Assert.Contains("ySplit=\"5\"", sheet, StringComparison.Ordinal); // four title lines and the header stay in view
        Assert.DoesNotContain("autoFilter", sheet, StringComparison.Ordinal);
    }

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Render_Csv_UsesTheLayoutEncodingAndSeparators()
    {
        var layout = Layout("volga-garant");

        var bytes = DmsRegistryRenderer.Render(RegistrySamples.Registry(), layout);

        Assert.Equal("windows-1251", layout.Encoding);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        var text = Encoding.GetEncoding(1251).GetString(bytes);
        Assert.Contains(";\"ПР-0002; доп.\";", text, StringComparison.Ordinal);
        Assert.Contains(";4200,50;", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    private static DmsRegistryLayout Layout(string mapping) =>
        Catalog.Value.Find(mapping)?.Registry ?? throw new InvalidOperationException($"mappings/dms/{mapping}.yaml has no registry layout.");

    private static string AsText(byte[] bytes, DmsRegistryLayout layout)
    {
        if (layout.Format != DmsRegistryFormat.Xlsx)
        {
            var encoding = Encoding.GetEncoding(layout.Encoding);
            return $"{layout.Format.ToString().ToLowerInvariant()} {encoding.WebName}\n{encoding.GetString(bytes).Replace("\r\n", "⏎\n", StringComparison.Ordinal)}";
        }

        var text = new StringBuilder($"xlsx sheet {string.Join(", ", MiniExcel.GetSheetNames(new MemoryStream(bytes)))}\n");
        foreach (var row in Rows(bytes))
        {
            // Numbers are marked # so that a number written as text shows up in the diff.
            var cells = row.Select(cell => cell switch
            {
                null => "",
                double number => "#" + number.ToString("0.##", CultureInfo.InvariantCulture),
                _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
            });
            text.Append(string.Join(" | ", cells).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static List<List<object?>> Rows(byte[] bytes) =>
        [.. MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(row => row.Values.ToList())];
}
