using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Maps one parsed 271 transaction to the canonical result (one use per transaction).</summary>
internal sealed class Eligibility271Mapping(bool coInsuranceIsPatientShare, string currency)
{
    private readonly List<string> _issues = [];
    private readonly List<EligibilityRejection> _rejections = [];

    public IReadOnlyList<string> Issues => _issues;

    /// <summary>TRN02 of the patient's level (2000D, else 2000C), set by <see cref="Map"/>.</summary>
    public string? TraceNumber { get; private set; }

    /// <param name="transaction">The parsed 271.</param>
    /// <param name="receivedAt">When the answer arrived.</param>
    /// <param name="asOf">The date the benefits are asked for (the 270's DTP*291); a later benefit begin is a waiting period.</param>
    public EligibilityResult Map(X12Transaction transaction, DateTimeOffset receivedAt, DateOnly asOf)
    {
        var payer = transaction.FirstLoop("2100A");
        Reject(payer, "2100A");
        foreach (var receiver in transaction.Loops("2100B"))
        {
            Reject(receiver, "2100B");
        }

        var subscriberLevel = transaction.FirstLoop("2000C");
        var subscriber = subscriberLevel?.FirstLoop("2100C");
        var dependent = subscriberLevel?.FirstLoop("2100D");
        Reject(subscriber, "2100C");
        Reject(dependent, "2100D");

        var dependentLevel = subscriberLevel?.FirstLoop("2000D");
        TraceNumber = NullIfEmpty((dependentLevel?.Segment("TRN") ?? subscriberLevel?.Segment("TRN"))?[2]);
        var benefitLoops = dependent is not null ? subscriberLevel!.Loops("2110D") : subscriberLevel?.Loops("2110C") ?? [];
        var sources = new List<X12BenefitSource>();
        foreach (var loop in benefitLoops)
        {
            sources.Add(X12BenefitSource.From(loop));
            Reject(loop, loop.Id);
        }

        var lines = new List<BenefitLine>(sources.Count * 2);
        foreach (var source in sources)
        {
            Eligibility271Benefits.Map(source, coInsuranceIsPatientShare, currency, asOf, _issues, lines);
        }

        var benefits = WaitingPeriodsLast(lines);
        var patient = dependent ?? subscriber;
        var (begin, end) = Eligibility271PlanDates.Find(dependent, subscriber, sources);
        return new EligibilityResult(Status(benefits), receivedAt, benefits, _rejections)
        {
            PayerName = NullIfEmpty(payer?.Segment("NM1")?[3]),
            PlanName = NullIfEmpty(sources.FirstOrDefault(s => X12BenefitCodes.Kind(s.Eb[1]) == BenefitKind.ActiveCoverage)?.Eb[5])
                ?? NullIfEmpty(Reference(patient, subscriber, "18")?[3]),
            GroupNumber = NullIfEmpty(Reference(patient, subscriber, "6P")?[2]),
            GroupName = NullIfEmpty(Reference(patient, subscriber, "6P")?[3]),
            PlanBegin = begin,
            PlanEnd = end,
            MemberId = NullIfEmpty(subscriber?.Segment("NM1")?[9]),
            MemberName = Name(patient?.Segment("NM1")),
        };
    }

    /// <summary>
    /// The lines with the waiting periods moved to the end, each once: payers repeat the begin date on each benefit of a
    /// category (in and out of network), one waiting period each.
    /// </summary>
    private static List<BenefitLine> WaitingPeriodsLast(List<BenefitLine> lines)
    {
        var benefits = new List<BenefitLine>(lines.Count);
        List<BenefitLine>? waiting = null;
        foreach (var line in lines)
        {
            if (line.Kind != BenefitKind.WaitingPeriod)
            {
                benefits.Add(line);
            }
            else if (!(waiting ??= []).Contains(line))
            {
                waiting.Add(line);
            }
        }

        if (waiting is not null)
        {
            benefits.AddRange(waiting);
        }

        return benefits;
    }

    private CoverageStatus Status(List<BenefitLine> benefits)
    {
        if (benefits.Any(b => b.Kind == BenefitKind.ActiveCoverage))
        {
            return CoverageStatus.Active;
        }

        if (benefits.Any(b => b.Kind == BenefitKind.InactiveCoverage))
        {
            return CoverageStatus.Inactive;
        }

        return _rejections.Any(r => X12RejectionCodes.MeansNotFound(r.ReasonCode)) ? CoverageStatus.NotFound : CoverageStatus.Unknown;
    }

    private void Reject(X12Loop? loop, string loopId)
    {
        foreach (var aaa in loop?.SegmentList("AAA") ?? [])
        {
            if (aaa[3].Length == 0)
            {
                _issues.Add($"AAA at segment {aaa.Ordinal} has no reject reason; ignored.");
                continue;
            }

            _rejections.Add(X12RejectionCodes.ToRejection(aaa[3], aaa[4], loopId));
        }
    }

    private static X12Segment? Reference(X12Loop? patient, X12Loop? subscriber, string qualifier) =>
        patient?.Segment("REF", 1, qualifier) ?? subscriber?.Segment("REF", 1, qualifier);

    private static PersonName? Name(X12Segment? nm1) =>
        nm1 is not null && nm1[3].Length > 0 && nm1[4].Length > 0
            ? new PersonName(nm1[3], nm1[4], NullIfEmpty(nm1[5]), NullIfEmpty(nm1[7]))
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
