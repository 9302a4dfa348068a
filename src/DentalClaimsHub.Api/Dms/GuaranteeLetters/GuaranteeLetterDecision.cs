using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>
/// A letter's decision turned into per-line decisions for a plan: services are matched to planned lines by 804н code,
/// in file order, one row per line. A letter-level approval approves every line (with the row's amount where a row names
/// the line's service); a partly approved letter approves the listed services and denies the rest; a refusal denies all.
/// </summary>
public static class GuaranteeLetterDecision
{
    public static (List<LineDecisionInput>? Lines, List<GuaranteeLetterProblem> Remarks, GuaranteeLetterProblem? Problem) Lines(PreAuthorization plan, DmsGuaranteeLetter letter)
    {
        var remarks = new List<GuaranteeLetterProblem>();
        if (letter.Decision == GuaranteeDecision.PartlyApproved && !letter.Services.Any(s => s.Approved))
        {
            return (null, remarks, GuaranteeLetterProblem.WithoutServices());
        }

        var matched = new Dictionary<int, DmsGuaranteeService>();
        foreach (var service in letter.Services)
        {
            var line = plan.Lines.FirstOrDefault(l => !matched.ContainsKey(l.LineNumber) && Is(l, service.Code));
            if (line is null)
            {
                remarks.Add(GuaranteeLetterProblem.NotPlanned(service.Row, service.Code.ToString()));
                continue;
            }

            matched[line.LineNumber] = service;
        }

        var approvedCodes = letter.Services.Where(s => s.Approved).Select(s => s.Code.Value).ToHashSet(StringComparer.Ordinal);
        var lines = new List<LineDecisionInput>();
        foreach (var line in plan.Lines)
        {
            matched.TryGetValue(line.LineNumber, out var service);
            var approved = letter.Decision switch
            {
                GuaranteeDecision.Approved => true,
                GuaranteeDecision.Refused => false,
                // A second line with the same approved code and no row of its own follows the code's decision.
                _ => service?.Approved ?? approvedCodes.Contains(line.Procedure.Code),
            };
            if (!approved)
            {
                lines.Add(new LineDecisionInput(line.LineNumber, LineDecision.Denied, null, service?.Note ?? letter.Note));
                continue;
            }

            Money? amount = null;
            if (service?.ApprovedAmount is { } value)
            {
                if (value > line.Fee.Amount)
                {
                    return (null, remarks, GuaranteeLetterProblem.OverFee(service.Row, value, line.Fee.Amount, line.LineNumber));
                }

                amount = new Money(value, plan.Currency);
            }

            lines.Add(new LineDecisionInput(line.LineNumber, amount is null || amount.Value.Amount == line.Fee.Amount ? LineDecision.Approved : LineDecision.Modified,
                amount, service?.Note));
        }

        return (lines, remarks, null);
    }

    /// <summary>True when the plan already carries exactly this answer (a re-import).</summary>
    public static bool Matches(PreAuthorization plan, DmsGuaranteeLetter letter, IReadOnlyList<LineDecisionInput> lines, Money? limit) =>
        plan.Status is PreAuthorizationStatus.Approved or PreAuthorizationStatus.PartiallyApproved or PreAuthorizationStatus.Denied
        && (letter.Number is null || string.Equals(plan.ReferenceNumber, letter.Number, StringComparison.Ordinal))
        && plan.ValidFrom == letter.ValidFrom && plan.ValidTo == letter.ValidTo && Nullable.Equals(plan.Limit, limit)
        && plan.Lines.All(l => lines.Single(d => d.LineNumber == l.LineNumber) is var d
            && Same(l.Decision, d.Decision) && Nullable.Equals(l.ApprovedAmount, d.ApprovedAmount));

    private static bool Same(LineDecision recorded, LineDecision answered) =>
        recorded == answered || (recorded is LineDecision.Approved or LineDecision.Modified && answered is LineDecision.Approved or LineDecision.Modified);

    private static bool Is(PreAuthorizationLine line, NomenclatureCode code) =>
        line.Procedure.System == ProcedureCodeSystem.Nomenclature804n && string.Equals(line.Procedure.Code, code.Value, StringComparison.Ordinal);
}
