using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Dms.GuaranteeLetters;

/// <summary>The <c>guaranteeLetters.request:</c> sub-section of <c>mappings/dms/*.yaml</c>: the repository's layouts and the errors a broken one gets.</summary>
public sealed class DmsGuaranteeRequestLayoutTests : IDisposable
{
    private const string Head = """
        insurer: СК «Проба»
        guaranteeLetters:
          formats: [csv]
          header:
            cell: '^№ запроса$'
            within: 5
          columns:
            request: ['№ запроса']
            status: ['Решение']
          statuses:
            approved: ['согласовано']
            refused: ['отказ']

        """;

    private const string Columns = """
            columns:
              - claim: '№ запроса'
              - fullName: ФИО
              - policy: Полис
              - serviceCode: Код
              - amount: Сумма

        """;

    private readonly string directory = Directory.CreateTempSubdirectory("dms-gp-request-layout-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // Insurers whose profile sends claims (registries) or plans (guarantee-letter requests); a roster-only insurer needs neither layout.
    private static HashSet<string> MappingsOfInsurersUsing(Adapters.Profiles.PayerCapability capability) =>
    [
        .. Adapters.Profiles.PayerProfileCatalog.LoadOrThrow(Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string>()).Profiles
            .Where(p => p.Dms is not null && p.Capabilities.ContainsKey(capability))
            .Select(p => Path.GetFileNameWithoutExtension(p.Dms!.RegistryMapping)),
    ];

    [Fact]
    public void Load_RepositoryMappings_EveryInsurerTakingPlansHasARequestLayout_InDifferentFormats()
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));

        Assert.Empty(errors);
        var planned = MappingsOfInsurersUsing(Adapters.Profiles.PayerCapability.Preauthorizations);
        Assert.Equal(4, planned.Count);
        Assert.All(catalog.Mappings.Where(mapping => planned.Contains(mapping.Id)), mapping => Assert.NotNull(mapping.GuaranteeLetters?.Request));
        var demo = catalog.Find("demo-med")!.GuaranteeLetters!.Request!;
        Assert.Equal(DmsRegistryFormat.Xlsx, demo.File.Format);
        Assert.Equal("Запрос ГП", demo.File.Sheet);
        Assert.Equal("{code}_zapros-gp_{number}_{id}", demo.FileName);
        Assert.True(demo.File.JoinedName);
        var baltika = catalog.Find("baltika-life")!.GuaranteeLetters!.Request!;
        Assert.Equal(DmsRegistryFormat.Xml, baltika.File.Format);
        Assert.Equal("Usluga", baltika.File.Xml!.Record);
        Assert.Equal('.', baltika.File.DecimalSeparator);
        var severnaya = catalog.Find("severnaya-zashchita")!.GuaranteeLetters!.Request!;
        Assert.Equal(DmsRegistryFormat.Csv, severnaya.File.Format);
        Assert.Equal("windows-1251", severnaya.File.Encoding);
        Assert.Equal(DmsGuaranteeRequestLayout.DefaultFileName, severnaya.FileName);
        Assert.False(catalog.Find("volga-garant")!.GuaranteeLetters!.Request!.File.JoinedName);
    }

    [Fact]
    public void Load_MinimalRequest_TakesTheDefaults()
    {
        var request = Load("  request:\n    format: csv\n    name: joined\n" + Columns).GuaranteeLetters!.Request!;

        Assert.Equal(DmsRegistryFormat.Csv, request.File.Format);
        Assert.Equal("utf-8", request.File.Encoding);
        Assert.Equal(DmsGuaranteeRequestLayout.DefaultFileName, request.FileName);
        Assert.Equal(["claim", "fullName", "policy", "serviceCode", "amount"], request.File.Columns.Select(column => column.Field));
    }

    [Fact]
    public void Load_NoRequest_LeavesItNull() => Assert.Null(Load("").GuaranteeLetters!.Request);

    [Theory]
    [InlineData("  request:\n    format: pdf\n    name: joined\n" + Columns, "guaranteeLetters.request.format", "use xlsx, csv or xml")]
    [InlineData("  request:\n    format: csv\n    name: split\n" + Columns, "guaranteeLetters.request.columns", "guarantee-letter request with split names")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    discountPercent: 5\n" + Columns, "guaranteeLetters.request.discountPercent", "unknown field")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    title: ['Запрос за {period}']\n" + Columns, "guaranteeLetters.request.title", "'{period}' is not a placeholder")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    fileName: 'gp_{number}'\n" + Columns, "guaranteeLetters.request.fileName", "containing {id}")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    fileName: 'gp_{id}.csv'\n" + Columns, "guaranteeLetters.request.fileName", "without an extension")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    fileName: 'gp_{nomer}_{id}'\n" + Columns, "guaranteeLetters.request.fileName", "placeholders")]
    [InlineData("  request:\n    format: xml\n    name: joined\n" + Columns, "guaranteeLetters.request.xml", "required field is missing")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    columns:\n      - fullName: ФИО\n      - policy: Полис\n      - serviceCode: Код\n      - amount: Сумма\n",
        "guaranteeLetters.request.columns", "every guarantee-letter request needs a claim column")]
    [InlineData("  request:\n    format: csv\n    name: joined\n    columns:\n      - franchise: Франшиза\n", "guaranteeLetters.request.columns[0].franchise", "'franchise' is not a field")]
    public void Load_BrokenRequest_ReportsTheFieldAndTheRule(string yaml, string field, string message)
    {
        var (catalog, errors) = Write(yaml);

        Assert.Empty(catalog.Mappings);
        Assert.Contains(errors, error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RequestWithEveryRequestField_IsAccepted()
    {
        var columns = string.Concat(DmsGuaranteeRequestLayout.Fields.Where(field => field is not ("fullName"))
            .Select(field => $"      - {field}: '{field}'\n"));

        var request = Load("  request:\n    format: xml\n    name: split\n    xml: { root: Zapros, record: Usluga, header: [ { number: Nomer } ] }\n    columns:\n" + columns)
            .GuaranteeLetters!.Request!;

        Assert.Equal(DmsGuaranteeRequestLayout.Fields.Count - 1, request.File.Columns.Count);
        Assert.Equal("number", Assert.Single(request.File.Xml!.Header).Field);
    }

    private DmsMapping Load(string request)
    {
        var (catalog, errors) = Write(request);
        Assert.Empty(errors);
        return Assert.Single(catalog.Mappings);
    }

    private (DmsMappingCatalog, IReadOnlyList<Adapters.Profiles.PayerProfileError>) Write(string request)
    {
        var yaml = Head.Replace("  statuses:", request + "  statuses:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "proba.yaml"), yaml);
        return DmsMappingCatalog.Load(directory);
    }
}
