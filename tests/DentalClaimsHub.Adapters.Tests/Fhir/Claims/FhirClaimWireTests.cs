using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using static DentalClaimsHub.Adapters.Tests.Fhir.Claims.ClaimSamples;
using FhirClaim = Hl7.Fhir.Model.Claim;
using FhirCoverage = Hl7.Fhir.Model.Coverage;
using Money = DentalClaimsHub.Domain.Values.Money;

// The SDK's POCO properties are all nullable; a missing element fails these tests with an exception, which is the point.
#nullable disable warnings

namespace DentalClaimsHub.Adapters.Tests.Fhir.Claims;

/// <summary>What goes on the wire: JSON that a strict FHIR reader takes back and the SDK's validation accepts, in a bundle that holds every party.</summary>
public sealed class FhirClaimWireTests
{
    private static readonly FhirClaimBuilder Builder = new(new FixedTime(Now));
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static TheoryData<string> Cases => ["routine", "predetermination", "void", "replacement", "rich", "dms"];

    private static ClaimSubmission Case(string name)
    {
        switch (name)
        {
            case "predetermination":
                return Submission(Routine()) with { Predetermination = true };
            case "void":
                return Submission(Accepted(Routine()).CreateVoid("test", Now));
            case "replacement":
                return Submission(Accepted(Routine()).CreateReplacement("test", Now));
            case "rich":
                var claim = Claim(
                    Line("D2740", 1100m, tooth: "8", surfaces: "F") with { Prosthesis = ProsthesisPlacement.Initial },
                    Line("D6999", 1500m, tooth: "20") with { AdditionalTeeth = [ToothNumber.ParseUniversal("21")] });
                claim.AddAttachment(new ClaimAttachment("RB", AttachmentTransmission.Electronic, "ACN-0001", "image/jpeg", 48_213,
                    "blobs/acn-0001", "pa-8.jpg"), Now);
                claim.SetMissingTeeth([new MissingTooth(ToothNumber.ParseUniversal("19"), MissingToothStatus.Missing)], Now);
                claim.SetOrthodontics(new OrthodonticInfo(24, 18, null), Now);
                claim.SetAccident(new AccidentInfo(AccidentCause.OtherAccident, new DateOnly(2026, 2, 28)), Now);
                claim.SetNote("Bridge replaces a tooth lost in a fall", Now);
                var patient = Patient();
                return Submission(claim) with
                {
                    Other = new OtherCoverage(SpouseCoverage(patient), "Other Dental Mutual", "OTH01", true, Money.Usd(120m)),
                };
            case "dms":
                return Dms();
            default:
                return Submission(Routine());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToJson_Claim_ParsesBackStrictlyToTheSameResource(string name)
    {
        var claim = Builder.Build(Case(name));

        var json = FhirClaimBuilder.ToJson(claim);
        var parsed = Strict.Deserialize<FhirClaim>(json);

        Assert.True(parsed.IsExactly(claim));
        Assert.Equal(json, FhirClaimBuilder.ToJson(parsed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ClaimAndBundle_HaveNoErrors(string name)
    {
        var bundle = Builder.BuildSubmitBundle(Case(name));
        var parsed = Strict.Deserialize<Bundle>(FhirClaimBuilder.ToJson(bundle));

        var issues = parsed.Validate(ModelInfo.ModelInspector).ToList();

        Assert.Empty(issues);
    }

    [Fact]
    public void Validate_ClaimMissingItsPatient_ReportsIt()
    {
        var claim = Builder.Build(Case("routine"));
        claim.Patient = null;

        var issues = claim.Validate(ModelInfo.ModelInspector).ToList();

        Assert.NotEmpty(issues);
    }

    [Fact]
    public void Validate_BundleWhoseClaimHasNoItemSequence_ReportsItInsideTheEntry()
    {
        var bundle = Builder.BuildSubmitBundle(Case("routine"));
        ((FhirClaim)bundle.Entry[0].Resource).Item[0].Sequence = null;

        var issues = bundle.Validate(ModelInfo.ModelInspector).ToList();

        Assert.NotEmpty(issues);
    }

    [Fact]
    public void BuildSubmitBundle_IsACollectionWithTheClaimFirstAndEveryReferencedResource()
    {
        var bundle = Builder.BuildSubmitBundle(Case("rich"));

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(["Claim", "Patient", "Coverage", "Coverage", "Organization", "Practitioner", "Organization"],
            bundle.Entry.Select(e => e.Resource.TypeName));
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero), bundle.Timestamp);
        Assert.All(bundle.Entry, e => Assert.Equal($"https://fhir.demo-dental.example/r4/{e.Resource.TypeName}/{e.Resource.Id}", e.FullUrl));
        var claim = Assert.IsType<FhirClaim>(bundle.Entry[0].Resource);
        string[] references =
        [
            claim.Patient.Reference, claim.Provider.Reference, claim.Insurer.Reference, claim.CareTeam[0].Provider.Reference,
            .. claim.Insurance.Select(i => i.Coverage.Reference),
        ];
        var inside = bundle.Entry.Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}").ToHashSet();
        Assert.All(references, r => Assert.Contains(r, inside));
        var other = Assert.IsType<FhirCoverage>(bundle.Entry[3].Resource);
        Assert.Equal((1, "OTH01", "spouse"), (other.Order ?? 0, other.Payor[0].Identifier.Value, other.Relationship.Coding[0].Code));
        Assert.Equal(2, Assert.IsType<FhirCoverage>(bundle.Entry[2].Resource).Order);
        var practice = Assert.IsType<Organization>(bundle.Entry[4].Resource);
        Assert.Equal(["1234567893", "741234567"], practice.Identifier.Select(i => i.Value));
        Assert.Equal(("Lakeside", "IL"), (practice.Address[0].City, practice.Address[0].State));
    }

    [Fact]
    public void Build_DmsClaim_Uses804nCodesWhoIcd10RublesAndFdiTeeth()
    {
        var claim = Builder.Build(Dms());

        var item = Assert.Single(claim.Item);
        Assert.Equal(("urn:oid:1.2.643.5.1.13.13.11.1070", "A16.07.002"), (item.ProductOrService.Coding[0].System, item.ProductOrService.Coding[0].Code));
        Assert.Equal("Пломбирование зуба", item.ProductOrService.Text);
        Assert.Null(item.Location);
        var tooth = Assert.Single(item.BodySite.Coding);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/ex-tooth", "36"), (tooth.System, tooth.Code));
        Assert.Equal("http://hl7.org/fhir/sid/icd-10", ((CodeableConcept)claim.Diagnosis[0].Diagnosis).Coding[0].System);
        Assert.Equal((4500m, Hl7.Fhir.Model.Money.Currencies.RUB), (claim.Total.Value ?? 0, claim.Total.Currency ?? default));
        Assert.Equal(["ГП-2026-0117"], claim.Insurance[0].PreAuthRef);
    }

    private static ClaimSubmission Dms()
    {
        var practice = Domain.Practices.Practice.Create("Клиника «Улыбка»", "RU", "Europe/Moscow", Now, inn: Inn.Parse("7707083893"),
            id: PracticeId);
        var patient = Domain.Patients.Patient.Create(PracticeId, new Domain.Patients.PersonName("Иванова", "Анна", "Сергеевна"),
            new DateOnly(1990, 7, 1), Domain.Patients.Sex.Female, Now, id: Guid.Parse("11111111-2222-4333-8444-555555555509"));
        var coverage = Domain.Coverages.Coverage.Create(PracticeId, patient.Id, "demo-dms", "ДМС-0042-17", CoverageOrder.Primary,
            SubscriberRelationship.Self, Now, id: Guid.Parse("22222222-3333-4444-8555-666666666609"));
        var claim = Domain.Claims.Claim.Create(PracticeId, patient.Id, coverage.Id, "demo-dms", "RUB", "test", Now,
            patientControlNumber: "DMS-2026-0117", id: ClaimId);
        claim.SetDiagnoses([Icd10Code.Parse("K02.1")], Now);
        claim.SetAuthorizations("ГП-2026-0117", null, Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Nomenclature(NomenclatureCode.Parse("A16.07.002")),
            Fee = Money.Rub(4500m),
            ServiceDate = ServiceDate,
            Tooth = ToothNumber.ParseFdi("36"),
            Surfaces = SurfaceSet.Parse("O"),
            DiagnosisPointers = [1],
            Description = "Пломбирование зуба",
            LineControlNumber = "DMS-LINE-1",
        }, Now);
        var payer = Payer("RU") with { Id = "demo-dms", DisplayName = "Демо ДМС", Kind = Adapters.Profiles.PayerKind.Dms };
        return new ClaimSubmission(claim, practice, patient, coverage, payer);
    }
}
