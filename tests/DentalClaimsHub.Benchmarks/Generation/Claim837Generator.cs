using System.Globalization;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Benchmarks.Generation;

/// <summary>Writes a valid 005010X224A2 837D with the requested number of claims (1,000 claims per transaction set).</summary>
internal static class Claim837Generator
{
    private const int ClaimsPerTransaction = 1000;

    public static void Write(Stream output, int claims, TimeProvider time)
    {
        var options = new X12WriterOptions { LineBreakAfterSegment = true, LeaveOpen = true };
        using var writer = new X12Writer(output, X12Delimiters.Default, options);
        var envelope = new X12EnvelopeWriter(writer, new SequentialControlNumberSource(), time);
        var header = new X12InterchangeHeader("ZZ", "BSFD0001", "ZZ", "DNDP1", Production: true, AcknowledgmentRequested: true);
        envelope.BeginInterchange(header);
        envelope.BeginGroup("HC", "BSFD0001", "DNDP1", "005010X224A2");
        for (var first = 0; first < claims; first += ClaimsPerTransaction)
        {
            WriteTransaction(envelope, first, Math.Min(ClaimsPerTransaction, claims - first));
        }

        envelope.EndGroup();
        envelope.EndInterchange();
    }

    private static void WriteTransaction(X12EnvelopeWriter e, int first, int count)
    {
        e.BeginTransaction("837", "005010X224A2");
        e.Write("BHT", "0019", "00", $"BATCH{first:D8}", "20260315", "1030", "CH");
        e.Write("NM1", "41", "2", "BRIGHT SMILES FAMILY DENTISTRY", "", "", "", "", "46", "BSFD0001");
        e.Write("PER", "IC", "FRONT DESK", "TE", "2175550142", "EM", "billing@brightsmiles.example");
        e.Write("NM1", "40", "2", "DELTA NORTH DENTAL PLAN", "", "", "", "", "46", "DNDP1");
        e.Write("HL", "1", "", "20", "1");
        e.Write("PRV", "BI", "PXC", "1223G0001X");
        e.Write("NM1", "85", "2", "BRIGHT SMILES FAMILY DENTISTRY", "", "", "", "", "XX", "1234567893");
        e.Write("N3", "1200 MAPLE AVENUE", "SUITE 210");
        e.Write("N4", "SPRINGFIELD", "IL", "627041234");
        e.Write("REF", "EI", "371234567");
        for (var i = 0; i < count; i++)
        {
            WriteClaim(e, first + i, i + 2);
        }

        e.EndTransaction();
    }

    private static void WriteClaim(X12EnvelopeWriter e, int n, int hl)
    {
        var last = DentalData.Pick(DentalData.LastNames, n);
        var firstName = DentalData.Pick(DentalData.FirstNames, n / 7);
        e.Write("HL", hl.ToString(CultureInfo.InvariantCulture), "1", "22", "0");
        e.Write("SBR", "P", "18", $"GRP{55000 + (n % 400)}", "", "", "", "", "", "CI");
        e.Write("NM1", "IL", "1", last, firstName, "", "", "", "MI", $"DNX{448000000 + n:D9}");
        e.Write("N3", $"{100 + (n % 900)} {DentalData.Pick(DentalData.Streets, n)}");
        e.Write("N4", "SPRINGFIELD", "IL", "62704");
        e.Write("DMG", "D8", $"{1950 + (n % 55)}{1 + (n % 12):D2}{1 + (n % 28):D2}", n % 2 == 0 ? "F" : "M");
        e.Write("NM1", "PR", "2", "DELTA NORTH DENTAL PLAN", "", "", "", "", "PI", "DNDP1");

        var lines = 1 + (n % 3);
        var procedures = Enumerable.Range(0, lines)
            .Select(l => DentalData.Procedures[(n + (l * 4)) % DentalData.Procedures.Length])
            .ToList();
        var total = procedures.Sum(p => p.Fee);
        e.Write("CLM", $"PCN{n:D7}", Money(total), "", "", "11:B:1", "Y", "A", "Y", "Y");
        e.Write("DTP", "472", "D8", $"202603{1 + (n % 28):D2}");
        e.Write("NM1", "82", "1", "PATEL", "RAVI", "", "", "", "XX", "9876543213");
        e.Write("PRV", "PE", "PXC", "1223G0001X");
        for (var l = 0; l < lines; l++)
        {
            var (code, fee, tooth, surfaces) = procedures[l];
            e.Write("LX", (l + 1).ToString(CultureInfo.InvariantCulture));
            e.Write("SV3", $"AD:{code}", Money(fee), "", "", "", "1");
            if (tooth.Length > 0)
            {
                e.Write(surfaces.Length > 0 ? X12Segment.Create("TOO", "JP", tooth, surfaces) : X12Segment.Create("TOO", "JP", tooth));
            }

            e.Write("REF", "6R", $"PCN{n:D7}-{l + 1}");
        }
    }

    public static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
