using System.Globalization;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.X12;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Turns one EB (with its HSD, DTP and MSG) into canonical benefit lines, one per service-type category.</summary>
internal static class Eligibility271Benefits
{
    private static readonly BenefitCategory[] DentalCareOnly = [BenefitCategory.DentalCare];

    /// <summary>Appends the benefit's lines to <paramref name="lines"/>: per category, per HSD, then any waiting periods.</summary>
    public static void Map(
        X12BenefitSource source, bool coInsuranceIsPatientShare, string currency, DateOnly asOf, ICollection<string> issues,
        List<BenefitLine> lines)
    {
        var eb = source.Eb;
        if (X12BenefitCodes.Kind(eb[1]) is not { } kind)
        {
            issues.Add($"EB at segment {eb.Ordinal}: benefit code '{eb[1]}' is not mapped; line skipped.");
            return;
        }

        var period = X12BenefitCodes.Period(eb[6]);
        var amount = Decimal(eb[7], eb, 7, issues);
        var remainingPeriod = period is BenefitPeriod.Remaining or BenefitPeriod.LifetimeRemaining;
        var categories = Categories(eb);
        var line = new BenefitLine
        {
            Kind = kind,
            Category = categories[0],
            CoverageLevel = X12BenefitCodes.Level(eb[2]),
            Period = period,
            Amount = amount is { } a && !remainingPeriod ? new Money(a, currency) : null,
            Remaining = amount is { } r && remainingPeriod ? new Money(Math.Max(r, 0m), currency) : null,
            Percent = Percent(Decimal(eb[8], eb, 8, issues), kind, coInsuranceIsPatientShare),
            Quantity = Decimal(eb[10], eb, 10, issues) is { } q ? Math.Max(q, 0m) : null,
            QuantityUnit = eb[9].Length > 0 ? X12BenefitCodes.Unit(eb[9]) : null,
            AuthorizationRequired = eb[11] switch { "Y" => true, "N" => false, _ => null },
            Network = X12BenefitCodes.Network(eb[12]),
            ProcedureCodes = Procedures(eb, issues),
            Note = Note(source, kind),
        };

        if (kind == BenefitKind.Limitation && source.Frequencies.Count == 0)
        {
            // EB*F is both "maximum" (an amount) and "frequency" (a count of services or visits).
            line = line with
            {
                Kind = line.Amount is not null || line.Remaining is not null ? BenefitKind.Maximum
                    : line.Quantity is not null ? BenefitKind.Frequency : BenefitKind.Limitation,
            };
        }

        // Each category gets the line, or one line per HSD frequency limit; the first category's are made with it.
        var first = lines.Count;
        if (source.Frequencies.Count == 0)
        {
            lines.Add(line);
        }
        else
        {
            foreach (var hsd in source.Frequencies)
            {
                lines.Add(Eligibility271Frequency.Apply(line, hsd));
            }
        }

        var perCategory = lines.Count - first;
        for (var c = 1; c < categories.Count; c++)
        {
            for (var i = 0; i < perCategory; i++)
            {
                lines.Add(lines[first + i] with { Category = categories[c] });
            }
        }

        if (Eligibility271WaitingPeriod.CoveredFrom(source, asOf) is { } coveredFrom)
        {
            Eligibility271WaitingPeriod.AddLines(lines, first, coveredFrom);
        }
    }

    private static decimal? Percent(decimal? eb08, BenefitKind kind, bool patientShare)
    {
        if (eb08 is not { } fraction)
        {
            return null;
        }

        // EB08 is a fraction (0.2 = 20 %). Canonical co-insurance is the patient's share; some payers send the plan's.
        var percent = Math.Clamp(fraction * 100m, 0m, 100m) / 1.000m; // drop trailing zeros: 0.2 -> 20
        return kind == BenefitKind.CoInsurance && !patientShare ? 100m - percent : percent;
    }

    private static IReadOnlyList<BenefitCategory> Categories(X12Segment eb)
    {
        List<BenefitCategory>? categories = null;
        var codes = eb.Repetitions(3);
        for (var i = 0; i < codes.Count; i++)
        {
            if (BenefitCategoryCodes.TryFromX12ServiceType(codes[i], out var category))
            {
                categories ??= new List<BenefitCategory>(codes.Count);
                if (!categories.Contains(category))
                {
                    categories.Add(category);
                }
            }
        }

        return categories ?? (IReadOnlyList<BenefitCategory>)DentalCareOnly;
    }

    // IReadOnlyList, so "none" is the shared empty array rather than a new list per benefit line.
    private static IReadOnlyList<ProcedureCode> Procedures(X12Segment eb, ICollection<string> issues)
    {
        if (eb[13].Length == 0)
        {
            return [];
        }

        if (eb[13, 1] == "AD" && CdtCode.TryParse(eb[13, 2], out var cdt))
        {
            return [ProcedureCode.Cdt(cdt)];
        }

        issues.Add($"EB at segment {eb.Ordinal}: procedure '{eb[13]}' is not an ADA (AD) CDT code; not attached.");
        return [];
    }

    private static string? Note(X12BenefitSource source, BenefitKind kind)
    {
        List<string>? parts = null;
        if (kind != BenefitKind.ActiveCoverage && source.Eb[5].Length > 0)
        {
            (parts ??= []).Add(source.Eb[5]);
        }

        foreach (var dtp in source.Dates)
        {
            if (X12Dates.TryRead(dtp, out var start, out var end))
            {
                var range = end is { } e ? $"{start:yyyy-MM-dd} to {e:yyyy-MM-dd}" : $"{start:yyyy-MM-dd}";
                (parts ??= []).Add($"{X12Dates.Describe(dtp[1])}: {range}");
            }
        }

        foreach (var message in source.Messages)
        {
            (parts ??= []).Add(message);
        }

        return parts is null ? null : string.Join("; ", parts);
    }

    private static decimal? Decimal(string text, X12Segment eb, int element, ICollection<string> issues)
    {
        if (text.Length == 0)
        {
            return null;
        }

        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        issues.Add($"EB at segment {eb.Ordinal}: EB{element:D2} '{text}' is not a number; ignored.");
        return null;
    }
}
