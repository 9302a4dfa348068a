using System.Globalization;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Benchmarks.Generation;

/// <summary>Writes a valid 005010X221A1 835 with the requested number of claim payments (1,000 per transaction set).</summary>
internal static class Remittance835Generator
{
    private const int PaymentsPerTransaction = 1000;

    public static void Write(Stream output, int payments, TimeProvider time)
    {
        var options = new X12WriterOptions { LineBreakAfterSegment = true, LeaveOpen = true };
        using var writer = new X12Writer(output, X12Delimiters.Default, options);
        var envelope = new X12EnvelopeWriter(writer, new SequentialControlNumberSource(500), time);
        envelope.BeginInterchange(new X12InterchangeHeader("ZZ", "DNDP1", "ZZ", "BSFD0001", Production: true));
        envelope.BeginGroup("HP", "DNDP1", "BSFD0001", "005010X221A1");
        for (var first = 0; first < payments; first += PaymentsPerTransaction)
        {
            WriteTransaction(envelope, first, Math.Min(PaymentsPerTransaction, payments - first));
        }

        envelope.EndGroup();
        envelope.EndInterchange();
    }

    private static void WriteTransaction(X12EnvelopeWriter e, int first, int count)
    {
        var claims = Enumerable.Range(first, count).Select(Payment).ToList();
        var paid = claims.Sum(c => c.Lines.Sum(l => l.Paid));
        e.BeginTransaction("835");
        e.Write("BPR", "I", Money(paid), "C", "ACH", "CCP", "01", "071000013", "DA", "123456789", "1371234567", "", "01", "071921891",
            "DA", "987654321", "20260320");
        e.Write("TRN", "1", $"EFT{first:D9}", "1371234567");
        e.Write("REF", "EV", "BSFD0001");
        e.Write("DTM", "405", "20260318");
        e.Write("N1", "PR", "DELTA NORTH DENTAL PLAN");
        e.Write("N3", "PO BOX 4400");
        e.Write("N4", "CHICAGO", "IL", "606804400");
        e.Write("PER", "BL", "PROVIDER SERVICES", "TE", "8005550199");
        e.Write("N1", "PE", "BRIGHT SMILES FAMILY DENTISTRY", "XX", "1234567893");
        e.Write("REF", "TJ", "371234567");
        e.Write("LX", "1");
        foreach (var claim in claims)
        {
            WriteClaim(e, claim);
        }

        e.EndTransaction();
    }

    private sealed record Line(string Code, decimal Charge, decimal Paid, decimal Contractual, decimal Patient);

    private sealed record Claim(int N, List<Line> Lines);

    private static Claim Payment(int n)
    {
        var lines = Enumerable.Range(0, 1 + (n % 3)).Select(l =>
        {
            var (code, fee, _, _) = DentalData.Procedures[(n + (l * 4)) % DentalData.Procedures.Length];
            var allowed = decimal.Round(fee * 0.84m, 2);
            var patient = decimal.Round(allowed * 0.2m, 2);
            return new Line(code, fee, allowed - patient, fee - allowed, patient);
        }).ToList();
        return new Claim(n, lines);
    }

    private static void WriteClaim(X12EnvelopeWriter e, Claim c)
    {
        var n = c.N;
        e.Write("CLP", $"PCN{n:D7}", "1", Money(c.Lines.Sum(l => l.Charge)), Money(c.Lines.Sum(l => l.Paid)),
            Money(c.Lines.Sum(l => l.Patient)), "12", $"DNCLM{260300000000L + n}");
        e.Write("NM1", "QC", "1", DentalData.Pick(DentalData.LastNames, n), DentalData.Pick(DentalData.FirstNames, n / 7), "", "", "", "MI",
            $"DNX{448000000 + n:D9}");
        e.Write("NM1", "82", "1", "PATEL", "RAVI", "", "", "", "XX", "9876543213");
        e.Write("DTM", "050", "20260316");
        for (var l = 0; l < c.Lines.Count; l++)
        {
            var line = c.Lines[l];
            e.Write("SVC", $"AD:{line.Code}", Money(line.Charge), Money(line.Paid));
            e.Write("DTM", "472", $"202603{1 + (n % 28):D2}");
            e.Write("CAS", "CO", "45", Money(line.Contractual));
            e.Write("CAS", "PR", "2", Money(line.Patient));
            e.Write("REF", "6R", $"PCN{n:D7}-{l + 1}");
            e.Write("AMT", "B6", Money(line.Charge - line.Contractual));
        }
    }

    private static string Money(decimal amount) => Claim837Generator.Money(amount);
}
