using System.Text;
using DentalClaimsHub.Adapters.X12.Remittances;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.Mappings.Tests.X12.Remittances;

public sealed class Remittance835ReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Files => ["835-remittance", "remittances/835-split-claim-predetermination"];

    private static Remittance835Report Read(string text) =>
        new Remittance835Reader(new X12Parser(Samples.Schemas)).Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "delta-north", Now);

    private static Remittance835Report ReadSample(string name) => Read(File.ReadAllText(Samples.X12File(name + ".x12")));

    // Ids are fresh per read; the snapshot pins everything else the reader produced.
    private static object View(Remittance835Report report) => report.Transactions.Select(t => new
    {
        t.ControlNumber,
        t.Problems,
        t.Remittance.PayerId,
        t.Remittance.PayerName,
        t.Remittance.PayeeId,
        t.Remittance.ProductionDate,
        t.Remittance.Payment,
        t.Remittance.ProviderAdjustments,
        Balance = t.Remittance.CheckBalance(),
        Claims = t.Remittance.ClaimPayments.Select(p => new
        {
            p.Ordinal, p.PatientControlNumber, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.PayerClaimNumber, p.Adjustments,
            p.RemarkCodes, p.ServiceLines, Outcome = p.ToClaimOutcome(), p.WriteOff,
        }),
    });

    [Theory]
    [MemberData(nameof(Files))]
    public Task Read_Sample_MatchesSnapshot(string name) =>
        Snapshot.Verify(CanonicalJson.Render(View(ReadSample(name))), "json", name.Replace('/', '-'), scrub: false);

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_IsValidAndBalances(string name)
    {
        var text = File.ReadAllText(Samples.X12File(name + ".x12"));
        Assert.Empty(new X12Validator(Samples.Schemas).Validate(text).Findings.Where(f => f.IsError).Select(f => f.ToString()));
        var transaction = Assert.Single(ReadSample(name).Transactions);
        Assert.Empty(transaction.Problems);
        Assert.Empty(transaction.Remittance.CheckBalance());
    }

    [Fact]
    public void Read_Sample_ReversalAndDeniedAndLines()
    {
        var remittance = ReadSample("835-remittance").Transactions[0].Remittance;

        var reversal = remittance.ClaimPayments.Single(p => p.Status == ClaimPaymentStatus.Reversal);
        Assert.Equal(-168m, reversal.Paid.Amount);
        Assert.Null(reversal.ToClaimOutcome());
        var denied = remittance.ClaimPayments.Single(p => p.PatientControlNumber == "PCN1003");
        Assert.Equal(["N130", "M86"], denied.ServiceLines[0].RemarkCodes);
        var multi = remittance.ClaimPayments.Single(p => p.PatientControlNumber == "PCN1004").ServiceLines[0].Adjustments;
        Assert.Equal([("1", 50m), ("2", 807.5m)], multi.Where(a => a.Group == AdjustmentGroup.PatientResponsibility).Select(a => (a.ReasonCode, a.Amount.Amount)));
        Assert.Equal("PCN1001-2", remittance.ClaimPayments[0].ServiceLines[1].LineControlNumber);
        Assert.Equal([("L6", -2.35m), ("WO", 25m)], remittance.ProviderAdjustments.Select(a => (a.ReasonCode, a.Amount.Amount)));
    }

    [Fact]
    public void Read_NotX12_FailsWithAReasonInsteadOfThrowing()
    {
        var report = Read("this is not an interchange");

        Assert.True(report.Failed);
        Assert.NotEmpty(report.Problems);
    }

    [Fact]
    public void Read_UnknownClaimStatusAndBadAmount_NamesTheSegmentAndKeepsTheRest()
    {
        var text = File.ReadAllText(Samples.X12File("835-remittance.x12"))
            .Replace("CLP*PCN1003*4*", "CLP*PCN1003*99*", StringComparison.Ordinal)
            .Replace("SVC*AD:D1120*102*102~", "SVC*AD:D1120*102*1O2~", StringComparison.Ordinal);

        var transaction = Assert.Single(Read(text).Transactions);

        Assert.Equal(2, transaction.Problems.Count);
        Assert.Contains(transaction.Problems, p => p.Contains("(CLP)", StringComparison.Ordinal) && p.Contains("'99'", StringComparison.Ordinal));
        Assert.Contains(transaction.Problems, p => p.Contains("SVC03 '1O2'", StringComparison.Ordinal));
        Assert.Equal(3, transaction.Remittance.ClaimPayments.Count);
        // Each problem is coded for the console: the transaction set, the segment's position and id, the reader's finding.
        Assert.All(transaction.ReadProblems, p => Assert.Equal(RemittanceProblems.Segment, p.Code));
        Assert.Contains(transaction.ReadProblems, p => p.Args[2] == "CLP" && p.Args[3].Contains("'99'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TamperedPaidAmount_DoesNotBalance()
    {
        var text = File.ReadAllText(Samples.X12File("835-remittance.x12")).Replace("CLP*PCN1001*1*468*311.4*", "CLP*PCN1001*1*468*321.4*", StringComparison.Ordinal);

        var balance = Read(text).Transactions[0].Remittance.CheckBalance();

        Assert.Equal(2, balance.Count);
        Assert.Contains(balance, p => p.Contains("PCN1001", StringComparison.Ordinal));
    }
}
