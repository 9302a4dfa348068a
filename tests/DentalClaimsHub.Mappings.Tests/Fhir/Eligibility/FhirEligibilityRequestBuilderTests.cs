using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing.Snapshots;
using Hl7.Fhir.Model;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Eligibility;

public sealed class FhirEligibilityRequestBuilderTests
{
    private static readonly FhirEligibilityRequestBuilder Builder = new(Time());

    public static TheoryData<string> Cases => ["subscriber-self", "dependent-child", "procedure-codes"];

    private static readonly Practice Lakeside = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now,
        npi: Npi.Parse("1234567893"), id: PracticeId);

    private static EligibilityInquiry Case(string name)
    {
        var dentist = ProviderIdentity.Of(Dentist());
        if (name == "dependent-child")
        {
            var child = Mateo();
            var coverage = ChildCoverage(child);
            var check = EligibilityCheck.Create(PracticeId, child.Id, coverage.Id, coverage.PayerId, ServiceDate, Now,
                [BenefitCategory.Preventive, BenefitCategory.Orthodontics], CheckId, provider: dentist);
            return new EligibilityInquiry(check, Lakeside, child, coverage, FhirPayer());
        }

        var patient = Elena();
        var own = SelfCoverage(patient);
        IEnumerable<ProcedureCode>? procedures = name == "procedure-codes"
            ? [ProcedureCode.Cdt(CdtCode.Parse("D1110")), ProcedureCode.Cdt(CdtCode.Parse("D2391"))]
            : null;
        var ownCheck = EligibilityCheck.Create(PracticeId, patient.Id, own.Id, own.PayerId, ServiceDate, Now, null, CheckId,
            procedures, dentist);
        return new EligibilityInquiry(ownCheck, Lakeside, patient, own, FhirPayer());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public System.Threading.Tasks.Task BuildRequest_Canonical_MatchesSnapshot(string name) =>
        Snapshot.Verify(FhirEligibilityRequestBuilder.ToJson(Builder.BuildRequest(Case(name))) + "\n", "json", name, scrub: false);

    [Fact]
    public System.Threading.Tasks.Task BuildSubmitBundle_DependentChild_MatchesSnapshot() =>
        Snapshot.Verify(
            FhirEligibilityRequestBuilder.ToJson(Builder.BuildSubmitBundle(Case("dependent-child"))) + "\n", "json", scrub: false);

    [Fact]
    public void BuildRequest_ProcedureCodes_ItemsCarryCdtCodesAndCategories()
    {
        var request = Builder.BuildRequest(Case("procedure-codes"));

        Assert.Equal(["D1110", "D2391"], request.Item.Select(i => i.ProductOrService!.Coding[0].Code));
        Assert.All(request.Item, i => Assert.Equal("http://www.ada.org/cdt", i.ProductOrService!.Coding[0].System));
        Assert.Equal(["41", "25"], request.Item.Select(i => i.Category!.Coding[0].Code));
        Assert.Contains(CoverageEligibilityRequest.EligibilityRequestPurpose.Benefits, request.Purpose.Select(p => p!.Value));
        Assert.Equal("2026-03-20", Assert.IsType<Date>(request.Serviced).Value);
    }

    [Fact]
    public void BuildRequest_ValidationOnly_HasNoItems()
    {
        var request = Builder.BuildRequest(Case("subscriber-self"), includeBenefits: false);

        Assert.Equal([CoverageEligibilityRequest.EligibilityRequestPurpose.Validation], request.Purpose.Select(p => p!.Value));
        Assert.Empty(request.Item);
    }

    [Fact]
    public void BuildSubmitBundle_Dependent_IsCollectionWithRequestFirstAndEveryReference()
    {
        var bundle = Builder.BuildSubmitBundle(Case("dependent-child"));

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.IsType<CoverageEligibilityRequest>(bundle.Entry[0].Resource);
        Assert.Equal(["CoverageEligibilityRequest", "Patient", "Coverage", "Practitioner", "Organization"],
            bundle.Entry.Select(e => e.Resource!.TypeName));
        var coverage = Assert.IsType<Coverage>(bundle.Entry[2].Resource);
        Assert.Equal("child", coverage.Relationship!.Coding[0].Code);
        Assert.Equal("DNX448812001", coverage.SubscriberId);
        var practitioner = Assert.IsType<Practitioner>(bundle.Entry[3].Resource);
        var npi = practitioner.Identifier[0];
        Assert.Equal(("http://hl7.org/fhir/sid/us-npi", "1987654328"), (npi.System, npi.Value));
        Assert.Equal("1223G0001X", practitioner.Qualification[0].Code!.Coding[0].Code);
    }

    [Fact]
    public void BuildRequest_NoProviderNamed_AsksAsThePracticeOrganization()
    {
        var patient = Elena();
        var own = SelfCoverage(patient);
        var check = EligibilityCheck.Create(PracticeId, patient.Id, own.Id, own.PayerId, ServiceDate, Now, null, CheckId);
        var inquiry = new EligibilityInquiry(check, Lakeside, patient, own, FhirPayer());

        var request = Builder.BuildRequest(inquiry);
        var organization = Assert.IsType<Organization>(Builder.BuildSubmitBundle(inquiry).Entry[3].Resource);

        Assert.Equal("Organization/npi-1234567893", request.Provider!.Reference);
        Assert.Equal(("1234567893", "Lakeside Family Dental"), (organization.Identifier[0].Value, organization.Name));
    }

    [Fact]
    public void BuildRequest_Canonical_CarriesTraceNumberAndMemberIdForThePayerToEcho()
    {
        var request = Builder.BuildRequest(Case("subscriber-self"));

        Assert.Equal("5A1D9E347C2B4F0EB6A82D3C4E5F6A70", request.Identifier.Single().Value);
        Assert.Equal("DNX448812001", request.Insurance[0].Coverage!.Identifier!.Value);
    }
}
