using System.Text;
using DentalClaimsHub.Adapters.Fhir.Remittances;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Mappings.Tests.Fhir.Remittances;

public sealed class FhirInboundReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    private static string SampleText => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "fhir", "remittances", "eob-bundle.json"));

    private static FhirInboundReport Read(string text) => FhirInboundReader.Read(Encoding.UTF8.GetBytes(text), "demo-fhir-dental", Now);

    [Fact]
    public Task Read_EobBundle_MatchesSnapshot()
    {
        var report = Read(SampleText);
        var view = new
        {
            report.ResourceType,
            report.Problems,
            Remittances = report.Remittances.Select(r => new
            {
                r.PayerName, r.PayeeId, r.Payment, r.SourceReference, Balance = r.CheckBalance(),
                Claims = r.ClaimPayments.Select(p => new
                {
                    p.PatientControlNumber, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.PayerClaimNumber, p.ServiceLines,
                    Outcome = p.ToClaimOutcome(),
                }),
            }),
        };
        return Snapshot.Verify(CanonicalJson.Render(view), "json", "eob-bundle", scrub: false);
    }

    [Fact]
    public void Read_EobBundle_OnePaymentThatBalancesWithADenial()
    {
        var remittance = Assert.Single(Read(SampleText).Remittances);

        Assert.Equal(("EFT-20261120-0042", 214.40m), (remittance.Payment.TraceNumber, remittance.Payment.Amount.Amount));
        Assert.Empty(remittance.CheckBalance());
        var denied = remittance.ClaimPayments.Single(p => p.PatientControlNumber == "PCN5002");
        Assert.Equal(ClaimPaymentStatus.Denied, denied.Status);
        Assert.Equal(("204", 1200m), (denied.ServiceLines[0].Adjustments[0].ReasonCode, denied.ServiceLines[0].Adjustments[0].Amount.Amount));
        var paid = remittance.ClaimPayments.Single(p => p.PatientControlNumber == "PCN5001");
        Assert.Contains(paid.ServiceLines[0].Adjustments, a => (a.Group, a.ReasonCode, a.Amount.Amount) == (AdjustmentGroup.PatientResponsibility, "2", 29.60m));
    }

    [Fact]
    public void Read_ClaimResponseError_IsAnAnswerWithItsErrors()
    {
        const string json = """
            {"resourceType":"ClaimResponse","status":"active","type":{"coding":[{"code":"oral"}]},"use":"claim","patient":{"display":"x"},
             "created":"2026-11-20","insurer":{"display":"Demo"},"outcome":"error","disposition":"Member not found",
             "request":{"identifier":{"system":"urn:dentalclaimshub:patient-control-number","value":"PCN7"}},
             "error":[{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adjudication-error","code":"a001","display":"Missing Identifier"}]}}]}
            """;

        var answer = Assert.Single(Read(json).Answers);

        Assert.Equal(("PCN7", "error", "Member not found"), (answer.PatientControlNumber, answer.Outcome, answer.Disposition));
        Assert.Equal(["a001 Missing Identifier"], answer.Errors);
    }

    [Fact]
    public void Read_NotFhir_ReportsInsteadOfThrowing()
    {
        var report = Read("<html>gateway error</html>");

        Assert.Equal("unknown", report.ResourceType);
        Assert.NotEmpty(report.Problems);
    }
}
