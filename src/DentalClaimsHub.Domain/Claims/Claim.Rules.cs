using System.Globalization;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

// The checks a claim must pass before it may leave the practice; the report lists every problem at once.
public sealed partial class Claim
{
    /// <summary>
    /// Checks the claim against the hub's rules as of the practice's local date <paramref name="today"/> and returns every
    /// violation; an empty list means the claim may be validated.
    /// </summary>
    public IReadOnlyList<ClaimRuleViolation> CheckRules(DateOnly today)
    {
        var problems = new List<ClaimRuleViolation>();
        if (_lines.Count == 0)
        {
            problems.Add(new("lines", "A claim needs at least one line.") { Rule = ClaimRules.NoLines });
        }

        if (_lines.Count > MaxLines)
        {
            problems.Add(new("lines", $"A dental claim holds at most {MaxLines} lines, this one has {_lines.Count}.")
            {
                Rule = ClaimRules.TooManyLines, Args = [$"{MaxLines}", $"{_lines.Count}"],
            });
        }

        if (_diagnoses.Count > MaxDiagnoses)
        {
            problems.Add(new("diagnoses", $"At most {MaxDiagnoses} diagnoses, got {_diagnoses.Count}.")
            {
                Rule = ClaimRules.TooManyDiagnoses, Args = [$"{MaxDiagnoses}", $"{_diagnoses.Count}"],
            });
        }

        if (_lines.Select(l => l.Procedure.System).Distinct().Count() > 1)
        {
            problems.Add(new("lines", "All lines must use one code system (CDT or 804н).") { Rule = ClaimRules.MixedCodeSystems });
        }

        if (Purpose == ClaimPurpose.Predetermination && Frequency != ClaimFrequency.Original)
        {
            problems.Add(new("frequency", "A predetermination is not replaced or voided; send a new treatment plan.") { Rule = ClaimRules.PlanFollowUp });
        }

        if (Frequency != ClaimFrequency.Original && string.IsNullOrEmpty(OriginalPayerClaimNumber))
        {
            problems.Add(new("originalPayerClaimNumber", "A replacement or void needs the payer's number of the original claim.")
            {
                Rule = ClaimRules.NoOriginalNumber,
            });
        }

        if (Accident is { } accident && accident.Date > today)
        {
            problems.Add(new("accident.date", $"Accident date {accident.Date:yyyy-MM-dd} is in the future.")
            {
                Rule = ClaimRules.AccidentInFuture, Args = [accident.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            });
        }

        if (PatientPaid is { } paid && paid > Total)
        {
            var amount = paid.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            var total = Total.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            problems.Add(new("patientPaid", $"The patient paid {amount}, more than the claim total {total}.")
            {
                Rule = ClaimRules.PatientPaidOverTotal, Args = [amount, total],
            });
        }

        foreach (var line in _lines)
        {
            CheckLine(line, today, problems);
        }

        if (_lines.Select(l => l.LineControlNumber).Distinct(StringComparer.Ordinal).Count() != _lines.Count)
        {
            problems.Add(new("lines", "Line control numbers must be unique within the claim.") { Rule = ClaimRules.DuplicateLineControl });
        }

        return problems;
    }

    private void CheckLine(ClaimLine line, DateOnly today, List<ClaimRuleViolation> problems)
    {
        var path = $"lines[{line.LineNumber}]";
        // A treatment plan is for the future: a planned date is kept for the practice but never sent (no DTP*472 with PB).
        if (Purpose == ClaimPurpose.Claim)
        {
            if (line.ServiceDate is not { } serviceDate)
            {
                problems.Add(new($"{path}.serviceDate", "A claim line needs its date of service.") { Rule = ClaimRules.NoServiceDate });
            }
            else if (serviceDate > today)
            {
                problems.Add(new($"{path}.serviceDate", $"Date of service {serviceDate:yyyy-MM-dd} is in the future.")
                {
                    Rule = ClaimRules.ServiceInFuture, Args = [serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                });
            }
        }

        foreach (var pointer in line.DiagnosisPointers.Where(p => p > _diagnoses.Count))
        {
            problems.Add(new($"{path}.diagnosisPointers", $"Pointer {pointer} refers to a diagnosis the claim does not have.")
            {
                Rule = ClaimRules.DiagnosisPointer, Args = [$"{pointer}"],
            });
        }

        problems.AddRange(CdtSiteRules.Check(line, path));
        if (line.Procedure.System == ProcedureCodeSystem.Cdt
            && line.Procedure.AsCdt().Category == CdtCategory.Orthodontics
            && Orthodontics is null)
        {
            problems.Add(new("orthodontics", $"Orthodontic procedure {line.Procedure} needs treatment months (DN1).")
            {
                Rule = ClaimRules.OrthoMonths, Args = [$"{line.Procedure}"],
            });
        }
    }
}
