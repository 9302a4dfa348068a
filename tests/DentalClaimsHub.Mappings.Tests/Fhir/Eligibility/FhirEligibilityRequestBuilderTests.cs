using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing.Snapshots;
using Hl7.Fhir.Model;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Eligibility;

public sealed class FhirEligibilityRequestBuilderTests
{
    private static readonly FhirEligibilityRequestBuilder Builder = new(Time());

    public static TheoryData<string> Cases => ["subscriber-self", "dependent-child", "procedure-codes"];

    private static FhirEligibilityInquiry Case(string name)
    {
        if (name == "dependent-child")
        {
            var child = Mateo();
            var coverage = ChildCoverage(child);
            return new FhirEligibilityInquiry(Check(child, coverage, BenefitCategory.Preventive, BenefitCategory.Orthodontics),
                child, coverage, Dentist(), FhirPayer());
        }

        var patient = Elena();
        var own = SelfCoverage(patient);
        var inquiry = new FhirEligibilityInquiry(Check(patient, own), patient, own, Dentist(), FhirPayer());
        return name == "procedure-codes"
            ? inquiry with { Procedures = [ProcedureCode.Cdt(CdtCode.Parse("D1110")), ProcedureCode.Cdt(CdtCode.Parse("D2740"))] }
            : inquiry;
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

        Assert.Equal(["D1110", "D2740"], request.Item.Select(i => i.ProductOrService!.Coding[0].Code));
        Assert.All(request.Item, i => Assert.Equal("http://www.ada.org/cdt", i.ProductOrService!.Coding[0].System));
        Assert.Equal(["41", "25"], request.Item.Select(i => i.Category!.Coding[0].Code));
        Assert.Contains(CoverageEligibilityRequest.EligibilityRequestPurpose.Benefits, request.Purpose.Select(p => p!.Value));
        Assert.Equal("2026-03-20", Assert.IsType<Date>(request.Serviced).Value);
    }

    [Fact]
    public void BuildRequest_ValidationOnly_HasNoItems()
    {
        var request = Builder.BuildRequest(Case("subscriber-self") with { IncludeBenefits = false });

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
        Assert.Equal("1987654328", practitioner.Identifier[0].Value);
    }
}
