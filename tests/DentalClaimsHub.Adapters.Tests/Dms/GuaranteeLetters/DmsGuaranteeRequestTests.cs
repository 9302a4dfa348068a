using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.PayerSimulator.Dms;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;
using MiniExcelLibs;
using static DentalClaimsHub.Adapters.Tests.Dms.Registries.RegistrySamples;

namespace DentalClaimsHub.Adapters.Tests.Dms.GuaranteeLetters;

/// <summary>A treatment plan's guarantee-letter request rendered with every insurer's <c>guaranteeLetters.request</c> layout.</summary>
public sealed class DmsGuaranteeRequestTests
{
    private static readonly DateOnly RequestDate = new(2026, 11, 2);

    private static readonly Lazy<DmsMappingCatalog> Catalog = new(() =>
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));
        Assert.Empty(errors);
        return catalog;
    });

    private static readonly Lazy<DmsReference> Reference = new(() => new DmsReference(Path.Combine(RepositoryPaths.Schemas, "dms")));

    static DmsGuaranteeRequestTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Layouts()
    {
        var data = new TheoryData<string>();
        foreach (var mapping in Catalog.Value.Mappings.Where(mapping => mapping.GuaranteeLetters?.Request is not null))
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

        var bytes = DmsGuaranteeRequest.Render(DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value), layout);

        return Snapshot.Verify(AsText(bytes, layout.File), "txt", mapping, scrub: false);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_SamePlanTwice_GivesTheSameBytes(string mapping)
    {
        var layout = Layout(mapping);

        var first = DmsGuaranteeRequest.Render(DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value), layout);
        var second = DmsGuaranteeRequest.Render(DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value), layout);

        Assert.Equal(first, second);
        var request = DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value);
        var changed = request with { Lines = [.. request.Lines.Select(line => line with { Quantity = line.Quantity + 1 })] };
        Assert.NotEqual(first, DmsGuaranteeRequest.Render(changed, layout));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_InsurerLayout_TheSimulatedInsurerReadsThePlansLines(string mapping)
    {
        var layout = Layout(mapping);
        var bytes = DmsGuaranteeRequest.Render(DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value), layout);

        var plan = Assert.Single(GuaranteeRequestReader.Read("request." + layout.File.Extension, bytes));

        Assert.Equal("GP-PLAN-0001", plan.Request);
        Assert.Equal([("A16.07.002", "36", 4200.50m), ("A16.07.002", "46", 4200m), ("A06.07.003", null, 1300m)],
            plan.Services.Select(s => (s.Code, s.Tooth, s.Amount)));
    }

    [Fact]
    public async Task Protocol_HubDefaultCsv_TheSimulatedInsurerReadsThePlanButNotARegistry()
    {
        var protocol = new DmsClaimProtocol(new NoHttp(), new FixedTime(), mappings: Catalog.Value, reference: () => Reference.Value);
        var request = await protocol.BuildAsync(Plan(Payer("no-such-mapping")), CancellationToken.None);
        var claims = Plan(Payer("no-such-mapping"));
        claims[0] = claims[0] with { Predetermination = false };
        var registry = await protocol.BuildAsync(claims, CancellationToken.None);

        var plan = Assert.Single(GuaranteeRequestReader.Read("request.csv", request.Content));

        Assert.Equal(("GP-PLAN-0001", 3), (plan.Request, plan.Services.Count));
        Assert.Empty(GuaranteeRequestReader.Read("registry.csv", registry.Content));
    }

    [Theory]
    [InlineData("demo-med")]
    [InlineData("severnaya-zashchita")]
    public void SimulatedAnswer_InsurerAnswerLayout_ReadsBackWithTheMapping(string mapping)
    {
        var bytes = DmsGuaranteeRequest.Render(DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value), Layout(mapping));
        var plan = Assert.Single(GuaranteeRequestReader.Read("request", bytes));
        var answer = GuaranteeAnswerWriter.Write(mapping, plan,
            new GuaranteeAnswer("ГП-77", RequestDate, RequestDate, RequestDate.AddDays(30), 9700.50m))!.Value;

        var read = DmsGuaranteeLetterReader.Read(new MemoryStream(answer.Content), answer.FileName, Catalog.Value.Find(mapping)!.GuaranteeLetters!);

        Assert.Empty(read.Errors);
        var letter = Assert.Single(read.Letters);
        Assert.Equal(("GP-PLAN-0001", GuaranteeDecision.Approved, "ГП-77", RequestDate.AddDays(30), 9700.50m),
            (letter.Request, letter.Decision, letter.Number, letter.ValidTo, letter.Limit));
        Assert.Equal(mapping == "demo-med" ? 3 : 0, letter.Services.Count);
    }

    [Theory]
    [InlineData("demo-med")]
    [InlineData("no-such-mapping")]
    public async Task Protocol_PlanLineOutsideTheReference_IsNotRenderedButReturnedNamingTheLineAndCode(string mapping)
    {
        var protocol = new DmsClaimProtocol(new NoHttp(), new FixedTime(), mappings: Catalog.Value, reference: () => Reference.Value);
        var plan = Plan(Payer(mapping), xray: "A06.07.999");

        var refused = await Assert.ThrowsAsync<ClaimBuildException>(() => protocol.BuildAsync(plan, CancellationToken.None));

        Assert.Equal(plan[0].Claim.Id, refused.ClaimId);
        Assert.Equal("Plan GP-PLAN-0001 line 3: A06.07.999 is not in the hub's dental 804н reference, so the guarantee-letter request cannot name it.",
            refused.Message);
        Assert.Equal((TimelineReasonCodes.DmsUnknownService, refused.Message), (refused.Reason?.Code, refused.Reason?.Text));
        Assert.Equal(["GP-PLAN-0001", "3", "A06.07.999"], refused.Reason!.Args);
    }

    [Fact]
    public async Task Protocol_ClinicWithoutInn_IsReturnedWithACodedReasonNamingTheClaim()
    {
        var protocol = new DmsClaimProtocol(new NoHttp(), new FixedTime(), mappings: Catalog.Value, reference: () => Reference.Value);
        var plan = Plan();
        plan[0] = plan[0] with { Practice = Practice.Create("ООО «Клиника Тест»", "RU", "Europe/Moscow", Now, id: PracticeId) };

        var refused = await Assert.ThrowsAsync<ClaimBuildException>(() => protocol.BuildAsync(plan, CancellationToken.None));

        Assert.Equal(plan[0].Claim.Id, refused.ClaimId);
        Assert.Equal("Claim GP-PLAN-0001 cannot go into a ДМС registry: the clinic has no ИНН.", refused.Message);
        Assert.Equal((TimelineReasonCodes.DmsNoInn, refused.Message), (refused.Reason?.Code, refused.Reason?.Text));
        Assert.Equal(["GP-PLAN-0001"], refused.Reason!.Args);
    }

    [Fact]
    public void Build_Plan_NormalisesCodesNamesThemFromTheReferenceAndSplitsTheLineCharge()
    {
        var request = DmsGuaranteeRequest.Build(Plan(), RequestDate, Reference.Value);

        Assert.Equal("GP-PLAN-0001", request.Number);
        Assert.Equal(3, request.Lines.Count);
        Assert.All(request.Lines, line => Assert.Equal("GP-PLAN-0001", line.ClaimNumber));
        Assert.Equal(["A16.07.002", "A16.07.002", "A06.07.003"], request.Lines.Select(line => line.ServiceCode));
        Assert.Equal(Reference.Value.ServiceName(NomenclatureCode.Parse("A16.07.002")), request.Lines[0].ServiceName);
        Assert.Equal(["36", "46", null], request.Lines.Select(line => line.Tooth));
        Assert.Equal("MO", request.Lines[0].Surfaces);
        Assert.Equal(650m, request.Lines[2].Price);
        Assert.Equal(1300m, request.Lines[2].Amounts.Amount);
        Assert.Equal(9700.50m, request.Totals.Amount);
        Assert.All(request.Lines, line => Assert.True(line.Diagnosis.Length >= 4));
        Assert.Equal(RequestDate, request.Lines[2].ServiceDate); // a plan line without a planned date is planned for the request's date
    }

    [Fact]
    public void FileName_FollowsThePatternAndTheFormat()
    {
        var name = DmsGuaranteeRequest.FileName(Layout("demo-med"), "DEMO", "GP-PLAN-0001", RequestDate, "p-42");

        Assert.Equal("DEMO_zapros-gp_GP-PLAN-0001_p-42.xlsx", name);
        Assert.EndsWith(".xml", DmsGuaranteeRequest.FileName(Layout("baltika-life"), "BL", "N", RequestDate, "p"), StringComparison.Ordinal);
        Assert.Equal("SZ_gp-request_p.csv", DmsGuaranteeRequest.FileName(Layout("severnaya-zashchita"), "SZ", "N", RequestDate, "p"));
    }

    [Fact]
    public async Task Protocol_PlanToAnInsurerWithALayout_BuildsItsFormat_WithoutOne_TheHubCsv()
    {
        var protocol = new DmsClaimProtocol(new NoHttp(), new FixedTime(), mappings: Catalog.Value, reference: () => Reference.Value);

        var xlsx = await protocol.BuildAsync(Plan(Payer("demo-med")), CancellationToken.None);
        var fallback = await protocol.BuildAsync(Plan(Payer("no-such-mapping")), CancellationToken.None);

        Assert.Equal("dms-guarantee-letter-request", xlsx.TransactionType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.Equal((byte)'P', xlsx.Content[0]);
        Assert.StartsWith("text/csv", fallback.ContentType, StringComparison.Ordinal);
        Assert.Equal(["GP-PLAN-0001"], xlsx.TransactionControlNumbers!);
    }

    private static DmsGuaranteeRequestLayout Layout(string mapping) =>
        Catalog.Value.Find(mapping)?.GuaranteeLetters?.Request ?? throw new InvalidOperationException($"mappings/dms/{mapping}.yaml has no request layout.");

    private static PayerProfile Payer(string mapping) => new()
    {
        Id = "demo-dms-insurer",
        DisplayName = "СК «Проба»",
        Country = "RU",
        Kind = PayerKind.Dms,
        Capabilities = new Dictionary<PayerCapability, CapabilityRoute>(),
        SourceFile = "demo-dms-insurer.yaml",
        Dms = new DmsSettings { InsurerCode = "PROBA", RegistryMapping = mapping, Delivery = DmsDeliveryKind.FileDrop, DeliveryTarget = "https://drop.example/in" },
    };

    // A made-up plan (names and policy invented): two fillings and an X-ray of two teeth; the X-ray (two films, no tooth) has no planned date.
    private static List<ClaimSubmission> Plan(PayerProfile? payer = null, string xray = "A06.07.003")
    {
        var sample = Claim("Зябликова", "Ульяна", "ПР-0001", null, null, [new Icd10Code("K02.1"), new Icd10Code("K04.0")]);
        var claim = Domain.Claims.Claim.Create(PracticeId, sample.Patient.Id, sample.Coverage.Id, "demo-dms-insurer", "RUB", "test", Now,
            patientControlNumber: "GP-PLAN-0001", renderingProvider: new ProviderIdentity(null, person: new PersonName("Ведерникова", "Олеся", "Марковна")),
            id: Guid.Parse("00000000-0000-0000-0000-00000000c001"));
        claim.SetDiagnoses([new Icd10Code("K02.1"), new Icd10Code("K04.0")], Now);
        claim.AddLine(Service("A16.07.002", 4200.50m, new DateOnly(2026, 11, 10), tooth: "36") with { Surfaces = SurfaceSet.Parse("MO") }, Now);
        claim.AddLine(Service("A16.07.002", 4200m, new DateOnly(2026, 11, 10), tooth: "46", diagnosis: 2), Now);
        claim.AddLine(Service(xray, 1300m, new DateOnly(2026, 11, 10), units: 2) with { ServiceDate = null }, Now);
        var practice = Practice.Create("ООО «Клиника Тест»", "RU", "Europe/Moscow", Now, inn: Inn.Parse("7707083893"), id: PracticeId);
        return [new ClaimSubmission(claim, practice, sample.Patient, sample.Coverage, payer ?? Payer("demo-med")) { Predetermination = true }];
    }

    private static string AsText(byte[] bytes, DmsRegistryLayout layout)
    {
        if (layout.Format != DmsRegistryFormat.Xlsx)
        {
            var encoding = Encoding.GetEncoding(layout.Encoding);
            return $"{layout.Format.ToString().ToLowerInvariant()} {encoding.WebName}\n{encoding.GetString(bytes).Replace("\r\n", "⏎\n", StringComparison.Ordinal)}";
        }

        var text = new StringBuilder($"xlsx sheet {string.Join(", ", MiniExcel.GetSheetNames(new MemoryStream(bytes)))}\n");
        foreach (var row in MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>())
        {
            var cells = row.Values.Select(cell => cell switch
            {
                null => "",
                double number => "#" + number.ToString("0.##", CultureInfo.InvariantCulture),
                _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
            });
            text.Append(string.Join(" | ", cells).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No HTTP in a build test.");
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    }
}
