using System.Globalization;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>A claim with the patient and the ДМС coverage it bills.</summary>
public sealed record DmsRegistryClaim(Claim Claim, Patient Patient, Coverage Coverage);

/// <summary>The billable lines of a period and the lines that could not be billed, each with its reason.</summary>
public sealed record DmsRegistryLines(IReadOnlyList<DmsRegistryLine> Lines, IReadOnlyList<DmsRegistryProblem> Problems);

/// <summary>
/// Turns claims into registry lines: every claim line with a service date in the period becomes one line, unless it
/// cannot be billed to a ДМС insurer (no 804н code, a service the nomenclature does not name, МКБ-10 without its
/// subdivision, no policy, not in roubles, a line charge that does not split into equal unit prices) — then it becomes
/// a <see cref="DmsRegistryProblem"/> instead. Lines are ordered by date of service, patient, claim and line number.
/// </summary>
public static class DmsRegistryBuilder
{
    public static DmsRegistryLines Build(
        IEnumerable<DmsRegistryClaim> claims,
        DateOnly from,
        DateOnly to,
        decimal discountPercent,
        DmsReference reference,
        IReadOnlyDictionary<string, DateOnly>? guaranteeDates = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(reference);
        var lines = new List<DmsRegistryLine>();
        var problems = new List<DmsRegistryProblem>();
        foreach (var (claim, patient, coverage) in claims)
        {
            foreach (var line in claim.Lines.OrderBy(line => line.LineNumber))
            {
                if (line.ServiceDate is { } date && (date < from || date > to))
                {
                    continue;
                }

                var (built, problem) = BuildLine(claim, line, patient, coverage, discountPercent, reference, guaranteeDates);
                if (built is not null)
                {
                    lines.Add(built);
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }

        lines.Sort(static (a, b) =>
        {
            var order = a.ServiceDate.CompareTo(b.ServiceDate);
            order = order != 0 ? order : string.CompareOrdinal(a.LastName, b.LastName);
            order = order != 0 ? order : string.CompareOrdinal(a.FirstName, b.FirstName);
            order = order != 0 ? order : string.CompareOrdinal(a.MiddleName, b.MiddleName);
            order = order != 0 ? order : string.CompareOrdinal(a.ClaimNumber, b.ClaimNumber);
            return order != 0 ? order : a.ClaimLine.CompareTo(b.ClaimLine);
        });
        problems.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.ClaimNumber, b.ClaimNumber);
            return order != 0 ? order : a.LineNumber.CompareTo(b.LineNumber);
        });
        return new DmsRegistryLines(lines, problems);
    }

    private static (DmsRegistryLine? Line, DmsRegistryProblem? Problem) BuildLine(Claim claim, ClaimLine line, Patient patient,
        Coverage coverage, decimal discountPercent, DmsReference reference, IReadOnlyDictionary<string, DateOnly>? guaranteeDates)
    {
        DmsRegistryProblem Problem(string code, string message) => new(claim.Id, claim.PatientControlNumber, line.LineNumber, code, message);

        if (line.ServiceDate is not { } serviceDate)
        {
            return (null, Problem("no-service-date", "the line has no date of service."));
        }

        if (line.Procedure.System != ProcedureCodeSystem.Nomenclature804n)
        {
            return (null, Problem("not-804n", $"{line.Procedure.Code} is not a code of the 804н nomenclature; ДМС insurers pay 804н services only."));
        }

        var code = line.Procedure.AsNomenclature();
        var name = reference.ServiceName(code) ?? line.Description;
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, Problem("unknown-service", $"{code} is not in the dental 804н subset and the line has no description to name it."));
        }

        var pointer = line.DiagnosisPointers.Count > 0 ? line.DiagnosisPointers[0] : 1;
        if (pointer > claim.Diagnoses.Count)
        {
            return (null, Problem("no-diagnosis", "the line points at no МКБ-10 diagnosis."));
        }

        var diagnosis = claim.Diagnoses[pointer - 1];
        if (!reference.IsBillableDiagnosis(diagnosis))
        {
            return (null, Problem("diagnosis-not-specific", $"МКБ-10 {diagnosis} is a category with subcategories; insurers want the subdivision (at least four characters, e.g. K02.1)."));
        }

        if (string.IsNullOrWhiteSpace(coverage.MemberId))
        {
            return (null, Problem("no-policy", "the coverage has no policy number."));
        }

        if (!string.Equals(claim.Currency, "RUB", StringComparison.Ordinal))
        {
            return (null, Problem("not-rubles", $"the claim is in {claim.Currency}; a ДМС registry is in roubles."));
        }

        var price = line.Fee.Amount / line.Units;
        if (DmsRegistryAmounts.Kopecks(price) != price)
        {
            return (null, Problem("uneven-price", string.Create(CultureInfo.InvariantCulture,
                $"the line charge {line.Fee.Amount:0.00} does not split into {line.Units} equal unit prices in kopecks.")));
        }

        var guarantee = line.PriorAuthorizationNumber ?? claim.PriorAuthorizationNumber;
        var teeth = line.Tooth is { } tooth ? new[] { tooth }.Concat(line.AdditionalTeeth) : line.AdditionalTeeth;
        var fdi = string.Join(", ", teeth.Select(t => t.To(ToothSystem.Fdi).Value));
        var doctor = claim.RenderingProvider?.Person;
        return (new DmsRegistryLine
        {
            ClaimId = claim.Id,
            ClaimNumber = claim.PatientControlNumber,
            ClaimLine = line.LineNumber,
            LastName = patient.Name.Last,
            FirstName = patient.Name.First,
            MiddleName = patient.Name.Middle,
            Policy = coverage.MemberId.Trim(),
            GuaranteeNumber = guarantee,
            GuaranteeDate = guarantee is not null && guaranteeDates?.TryGetValue(guarantee, out var issued) == true ? issued : null,
            ServiceDate = serviceDate,
            ServiceCode = code.Value,
            ServiceName = name.Trim(),
            Diagnosis = diagnosis.Value,
            Tooth = fdi.Length == 0 ? null : fdi,
            Quantity = line.Units,
            Price = price,
            DiscountPercent = discountPercent,
            FranchisePercent = coverage.Dms?.FranchisePercent ?? 0m,
            Doctor = doctor is null ? null : doctor.Middle is null ? $"{doctor.Last} {doctor.First}" : $"{doctor.Last} {doctor.First} {doctor.Middle}",
        }, null);
    }
}
