using System.Globalization;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>SNIP level 3 balancing of dental claims (837D) and remittances (835).</summary>
internal static class X12Balancing
{
    public static void Check(X12Transaction transaction, IReadOnlyList<X12Loop> loops, X12FindingSink sink)
    {
        switch (transaction.TransactionSetId)
        {
            case "837":
                CheckClaims(loops, sink);
                break;
            case "835":
                CheckRemittance(transaction, loops, sink);
                break;
        }
    }

    // 005010X224A2 2300 CLM02 must equal the sum of the 2400 SV302 line charges.
    private static void CheckClaims(IReadOnlyList<X12Loop> loops, X12FindingSink sink)
    {
        var lineLoops = new List<X12Loop>();
        foreach (var claim in loops)
        {
            if (claim.Id != "2300")
                continue;
            if (claim.Segment("CLM") is not { } clm || Amount(clm, 2) is not { } total)
                continue;
            var lines = 0;
            var sum = 0m;
            foreach (var line in X12TreeWalk.LoopsWithId(claim, "2400", lineLoops))
            {
                if (line.Segment("SV3") is not { } sv3)
                    continue;
                lines++;
                sum += Amount(sv3, 2) ?? 0m;
            }

            if (lines > 0 && sum != total)
                sink.Balancing(clm, "2300", "CLM02", 2, $"CLM02 total charge {Format(total)} does not equal the sum of SV302 line charges {Format(sum)}");
        }
    }

    private static void CheckRemittance(X12Transaction transaction, IReadOnlyList<X12Loop> loops, X12FindingSink sink)
    {
        var paidTotal = 0m;
        foreach (var claim in loops)
        {
            if (claim.Id != "2100")
                continue;
            if (claim.Segment("CLP") is not { } clp)
                continue;
            var lineAdjustments = 0m;
            foreach (var line in claim.Loops("2110"))
            {
                if (line.Segment("SVC") is not { } svc)
                    continue;
                var adjustments = SumCas(line);
                lineAdjustments += adjustments;
                var expected = (Amount(svc, 2) ?? 0m) - adjustments;
                if (expected != (Amount(svc, 3) ?? 0m))
                    sink.Balancing(svc, "2110", "SVC03", 3, $"SVC02 {svc[2]} minus line adjustments {Format(adjustments)} is {Format(expected)}, but SVC03 is {svc[3]}");
            }

            var paid = Amount(clp, 4) ?? 0m;
            paidTotal += paid;
            var claimExpected = (Amount(clp, 3) ?? 0m) - SumCas(claim) - lineAdjustments;
            if (claimExpected != paid)
                sink.Balancing(clp, "2100", "CLP04", 4,
                    $"CLP03 {clp[3]} minus claim and line adjustments is {Format(claimExpected)}, but CLP04 is {clp[4]}");
        }

        var plb = 0m;
        foreach (var p in transaction.Root.Segments("PLB"))
            plb += Sum(p, PlbAmounts);
        if (transaction.Root.Segment("BPR") is { } bpr && paidTotal - plb != (Amount(bpr, 2) ?? 0m))
            sink.Balancing(bpr, null, "BPR02", 2, $"the sum of CLP04 {Format(paidTotal)} minus provider adjustments {Format(plb)} is {Format(paidTotal - plb)}, but BPR02 is {bpr[2]}");
    }

    private static readonly int[] CasAmounts = [3, 6, 9, 12, 15, 18];
    private static readonly int[] PlbAmounts = [4, 6, 8, 10, 12, 14];

    private static decimal SumCas(X12Loop loop)
    {
        var sum = 0m;
        foreach (var cas in loop.Segments("CAS"))
            sum += Sum(cas, CasAmounts);
        return sum;
    }

    private static decimal Sum(X12Segment segment, int[] elements)
    {
        var sum = 0m;
        foreach (var element in elements)
            sum += Amount(segment, element) ?? 0m;
        return sum;
    }

    private static decimal? Amount(X12Segment segment, int element) =>
        decimal.TryParse(segment.ElementSpan(element), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out var value) ? value : null;

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
