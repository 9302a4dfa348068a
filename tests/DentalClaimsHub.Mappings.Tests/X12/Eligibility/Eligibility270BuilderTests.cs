using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.Eligibility;

public sealed class Eligibility270BuilderTests
{
    private static readonly Practice Lakeside = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now,
        npi: Npi.Parse("1234567893"), id: Guid.Parse("0b6f2c1e-8a44-4a53-9d1e-6e2f5a7c3b10"));

    private static string Build(EligibilityInquiry inquiry) =>
        new Eligibility270Builder(new SequentialControlNumberSource(101), Time()).Build(inquiry);

    private static EligibilityInquiry Inquiry(Patient patient, Coverage coverage, ProviderIdentity? provider = null,
        BenefitCategory[]? categories = null, ProcedureCode[]? procedures = null)
    {
        var check = EligibilityCheck.Create(PracticeId, patient.Id, coverage.Id, coverage.PayerId, ServiceDate, Now, categories, CheckId,
            procedures, provider ?? ProviderIdentity.Of(Dentist()));
        return new EligibilityInquiry(check, Lakeside, patient, coverage, X12Payer());
    }

    private static EligibilityInquiry SubscriberSelf()
    {
        var patient = Elena();
        return Inquiry(patient, SelfCoverage(patient));
    }

    private static EligibilityInquiry DependentChild()
    {
        var patient = Mateo();
        return Inquiry(patient, ChildCoverage(patient), categories: [BenefitCategory.Preventive, BenefitCategory.Orthodontics]);
    }

    private static EligibilityInquiry ProcedureInquiry()
    {
        var patient = Elena();
        return Inquiry(patient, SelfCoverage(patient),
            procedures: [ProcedureCode.Cdt(CdtCode.Parse("D1110")), ProcedureCode.Cdt(CdtCode.Parse("D2740"))]);
    }

    public static TheoryData<string> Cases => ["subscriber-self", "dependent-child", "procedure-codes"];

    private static EligibilityInquiry Case(string name) => name switch
    {
        "subscriber-self" => SubscriberSelf(),
        "dependent-child" => DependentChild(),
        _ => ProcedureInquiry(),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Build_CanonicalCheck_MatchesSnapshot(string name) =>
        Snapshot.Verify(Build(Case(name)), "x12", name, scrub: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_CanonicalCheck_PassesOwnValidator(string name)
    {
        var report = new X12Validator(Samples.Schemas).Validate(Build(Case(name)));

        var errors = report.Findings.Where(f => f.IsError).Select(f => f.ToString()).ToList();
        Assert.Empty(errors);
        Assert.Single(report.Transactions);
    }

    [Fact]
    public void Build_SubscriberSelf_AsksDefaultDentalServiceTypeWithTraceAndDate()
    {
        var lines = Build(SubscriberSelf()).Split('\n');

        Assert.Contains("EQ*35~", lines);
        Assert.Contains("DTP*291*D8*20260320~", lines);
        Assert.Contains("TRN*1*5A1D9E347C2B4F0EB6A82D3C4E5F6A70*9DCHUB0000~", lines);
        Assert.Contains("NM1*1P*1*OKAFOR*GRACE****XX*1987654328~", lines);
        Assert.Contains("HL*3*2*22*0~", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("HL*4", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DependentChild_WritesDependentLevelWithRelationship()
    {
        var lines = Build(DependentChild()).Split('\n');

        Assert.Contains("HL*3*2*22*1~", lines);
        Assert.Contains("HL*4*3*23*0~", lines);
        Assert.Contains("NM1*03*1*MORALES*MATEO~", lines);
        Assert.Contains("INS*N*19~", lines);
        Assert.Contains("EQ*41~", lines);
        Assert.Contains("EQ*38~", lines);
    }

    [Fact]
    public void Build_ProcedureCodes_AsksAdaCodesInsteadOfServiceTypes()
    {
        var lines = Build(ProcedureInquiry()).Split('\n');

        Assert.Contains("EQ**AD:D1110~", lines);
        Assert.Contains("EQ**AD:D2740~", lines);
        Assert.DoesNotContain("EQ*35~", lines);
    }

    [Fact]
    public void Build_AccentsAndDelimitersInNames_WrittenAsPlainUpperAscii()
    {
        var patient = Patient.Create(PracticeId, new PersonName("Muñoz*Peña", "José"), new DateOnly(1990, 1, 2), Sex.Male, Now);

        var lines = Build(Inquiry(patient, SelfCoverage(patient))).Split('\n');

        Assert.Contains("NM1*IL*1*MUNOZPENA*JOSE****MI*DNX448812001~", lines);
    }

    [Fact]
    public void Build_PracticeAsProvider_WritesOrganisationNameWithItsNpi()
    {
        var patient = Elena();

        var lines = Build(Inquiry(patient, SelfCoverage(patient), ProviderIdentity.Of(Lakeside))).Split('\n');

        Assert.Contains("NM1*1P*2*LAKESIDE FAMILY DENTAL*****XX*1234567893~", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("NM1*1P*1*", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NoProviderNamedInTheCheck_AsksAsThePractice()
    {
        var patient = Elena();
        var coverage = SelfCoverage(patient);
        var check = EligibilityCheck.Create(PracticeId, patient.Id, coverage.Id, coverage.PayerId, ServiceDate, Now, id: CheckId);

        var lines = Build(new EligibilityInquiry(check, Lakeside, patient, coverage, X12Payer())).Split('\n');

        Assert.Contains("NM1*1P*2*LAKESIDE FAMILY DENTAL*****XX*1234567893~", lines);
    }

    [Fact]
    public void Build_ProviderWithoutNpi_ThrowsArgumentException()
    {
        var patient = Elena();
        var withoutNpi = new ProviderIdentity(null, person: new PersonName("Okafor", "Grace"));

        var error = Assert.Throws<ArgumentException>(() => Build(Inquiry(patient, SelfCoverage(patient), withoutNpi)));

        Assert.Contains("has no NPI", error.Message, StringComparison.Ordinal);
    }
}
