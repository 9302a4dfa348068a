using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Dms.Registries;

/// <summary>The <c>registry:</c> section of <c>mappings/dms/*.yaml</c>: the repository's layouts and the errors a broken one gets.</summary>
public sealed class DmsRegistryLayoutTests : IDisposable
{
    private const string Head = "insurer: СК «Проба»\n";

    private const string Columns = """
          columns:
            - row: '№'
            - fullName: ФИО
            - policy: Полис
            - serviceDate: Дата
            - serviceCode: Код
            - amount: Сумма

        """;

    private readonly string directory = Directory.CreateTempSubdirectory("dms-registry-layout-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_RepositoryMappings_EveryInsurerTakingClaimsHasAValidRegistryLayout()
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));

        Assert.Empty(errors);
        Assert.NotEmpty(catalog.Mappings);
        var billed = MappingsOfInsurersUsing(Adapters.Profiles.PayerCapability.Claims);
        Assert.Equal(4, billed.Count);
        Assert.All(catalog.Mappings.Where(mapping => billed.Contains(mapping.Id)), mapping => Assert.NotNull(mapping.Registry));
        var demo = catalog.Find("demo-med.yaml")!.Registry!;
        Assert.Equal(DmsRegistryFormat.Xlsx, demo.Format);
        Assert.True(demo.JoinedName);
        Assert.Equal(5m, demo.DiscountPercent);
        Assert.Equal("Итого", demo.TotalsLabel);
        Assert.Equal(["row", "fullName", "policy"], demo.Columns.Take(3).Select(column => column.Field));
        var baltika = catalog.Find("baltika-life")!.Registry!;
        Assert.Equal(DmsRegistryFormat.Xml, baltika.Format);
        Assert.Equal("windows-1251", baltika.Encoding);
        Assert.Equal("Услуга", baltika.Xml!.Record);
    }

    // Insurers whose profile sends claims (registries) or plans (guarantee-letter requests); a roster-only insurer needs neither layout.
    private static HashSet<string> MappingsOfInsurersUsing(Adapters.Profiles.PayerCapability capability) =>
    [
        .. Adapters.Profiles.PayerProfileCatalog.LoadOrThrow(Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string>()).Profiles
            .Where(p => p.Dms is not null && p.Capabilities.ContainsKey(capability))
            .Select(p => Path.GetFileNameWithoutExtension(p.Dms!.RegistryMapping)),
    ];

    [Fact]
    public void Load_MinimalCsvLayout_TakesTheDefaults()
    {
        var layout = Load("registry:\n  format: csv\n  name: joined\n" + Columns).Registry!;

        Assert.Equal(DmsRegistryFormat.Csv, layout.Format);
        Assert.Equal("utf-8", layout.Encoding);
        Assert.Equal(';', layout.Delimiter);
        Assert.Equal(',', layout.DecimalSeparator);
        Assert.Equal("dd.MM.yyyy", layout.DateFormat);
        Assert.Null(layout.TotalsLabel);
        Assert.Equal(0m, layout.DiscountPercent);
        Assert.Equal(6, layout.Columns.Count);
    }

    [Fact]
    public void Load_NoRegistrySection_LeavesItNull() => Assert.Null(Load("").Registry);

    [Theory]
    [InlineData("registry:\n  format: pdf\n  name: joined\n" + Columns, "registry.format", "use xlsx, csv or xml")]
    [InlineData("registry:\n  format: csv\n  name: split\n" + Columns, "registry.columns", "split names needs lastName and firstName")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  colour: red\n" + Columns, "registry.colour", "unknown field")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  title: ['Реестр {nomer}']\n" + Columns, "registry.title", "'{nomer}' is not a placeholder")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  discountPercent: 120\n" + Columns, "registry.discountPercent", "percentage from 0 to 100")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  dateFormat: MM.yyyy\n" + Columns, "registry.dateFormat", "day, month and year")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  encoding: klingon\n" + Columns, "registry.encoding", "utf-8 or windows-1251")]
    [InlineData("registry:\n  format: xml\n  name: joined\n" + Columns, "registry.xml", "required field is missing")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  columns:\n    - fullName: ФИО\n    - policy: Полис\n", "registry.columns", "needs a serviceDate column")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  columns:\n    - colour: Цвет\n", "registry.columns[0].colour", "'colour' is not a field")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  columns:\n    - policy: Полис\n    - policy: Полис 2\n", "registry.columns[1].policy", "listed twice")]
    [InlineData("registry:\n  format: csv\n  name: joined\n  columns:\n    - policy: Полис\n      amount: Сумма\n", "registry.columns[0]", "one 'field: title' pair")]
    public void Load_BrokenLayout_ReportsTheFieldAndTheRule(string yaml, string field, string message)
    {
        var errors = LoadErrors(yaml);

        Assert.Contains(errors, error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_XmlColumnThatIsNoElementName_ReportsIt()
    {
        var yaml = "registry:\n  format: xml\n  name: joined\n  xml: { root: Реестр, record: Услуга }\n" + Columns.Replace("Полис", "'№ полиса'", StringComparison.Ordinal);

        Assert.Contains(LoadErrors(yaml), error => error.Field == "registry.columns.policy" && error.Message.Contains("not an XML element name", StringComparison.Ordinal));
    }

    private DmsMapping Load(string registry)
    {
        var (catalog, errors) = Write(registry);
        Assert.Empty(errors);
        return Assert.Single(catalog.Mappings);
    }

    private IReadOnlyList<Adapters.Profiles.PayerProfileError> LoadErrors(string registry)
    {
        var (catalog, errors) = Write(registry);
        Assert.Empty(catalog.Mappings);
        return errors;
    }

    private (DmsMappingCatalog, IReadOnlyList<Adapters.Profiles.PayerProfileError>) Write(string registry)
    {
        File.WriteAllText(Path.Combine(directory, "proba.yaml"), Head + registry);
        return DmsMappingCatalog.Load(directory);
    }
}
