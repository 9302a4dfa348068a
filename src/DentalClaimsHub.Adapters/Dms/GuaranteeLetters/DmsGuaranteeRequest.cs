using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>
/// A guarantee-letter request (запрос гарантийного письма) for treatment plans, rendered per the insurer's
/// <see cref="DmsGuaranteeRequestLayout"/>: one row per planned service with our request reference (the claim's patient
/// control number, which the insurer's answer echoes), the patient, the policy, the 804н code (normalised) and its
/// official name, the FDI tooth and surfaces, quantity, price, sum, the МКБ-10 diagnosis and the doctor, then totals.
/// The output depends on the plans, the layout and the date only.
/// </summary>
public static class DmsGuaranteeRequest
{
    /// <summary>The request as a <see cref="DmsRegistry"/> (number = the first plan's reference, date = the request's date).</summary>
    public static DmsRegistry Build(IReadOnlyList<ClaimSubmission> plans, DateOnly date, DmsReference? reference)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count == 0)
        {
            throw new ArgumentException("A guarantee-letter request needs at least one treatment plan.", nameof(plans));
        }

        var first = plans[0];
        var lines = new List<DmsRegistryLine>();
        foreach (var plan in plans)
        {
            var claim = plan.Claim;
            var doctor = claim.RenderingProvider?.Person;
            foreach (var line in claim.Lines.OrderBy(line => line.LineNumber))
            {
                var code = line.Procedure.Code;
                string? officialName = null;
                if (reference is not null && reference.TryNormaliseService(code, out var nomenclature))
                {
                    code = nomenclature.Value;
                    officialName = reference.ServiceName(nomenclature);
                }
                else if (line.Procedure.System == ProcedureCodeSystem.Nomenclature804n)
                {
                    code = line.Procedure.AsNomenclature().Value;
                }

                var pointer = line.DiagnosisPointers.Count > 0 ? line.DiagnosisPointers[0] : 1;
                var diagnosis = pointer <= claim.Diagnoses.Count ? claim.Diagnoses[pointer - 1].Value : string.Empty;
                var teeth = line.Tooth is { } tooth ? new[] { tooth }.Concat(line.AdditionalTeeth) : line.AdditionalTeeth;
                var fdi = string.Join(", ", teeth.Select(t => t.To(ToothSystem.Fdi).Value));
                lines.Add(new DmsRegistryLine
                {
                    ClaimId = claim.Id,
                    ClaimNumber = claim.PatientControlNumber,
                    ClaimLine = line.LineNumber,
                    LastName = plan.Patient.Name.Last,
                    FirstName = plan.Patient.Name.First,
                    MiddleName = plan.Patient.Name.Middle,
                    BirthDate = plan.Patient.BirthDate,
                    Policy = plan.Coverage.MemberId.Trim(),
                    ServiceDate = line.ServiceDate ?? date,
                    ServiceCode = code,
                    ServiceName = (officialName ?? line.Description ?? string.Empty).Trim(),
                    Diagnosis = diagnosis,
                    Tooth = fdi.Length == 0 ? null : fdi,
                    Surfaces = line.Surfaces.Value.Length == 0 ? null : line.Surfaces.Value,
                    Quantity = line.Units,
                    Price = DmsRegistryAmounts.Kopecks(line.Fee.Amount / line.Units),
                    DiscountPercent = 0m,
                    FranchisePercent = 0m,
                    Doctor = doctor is null ? null : doctor.Middle is null ? $"{doctor.Last} {doctor.First}" : $"{doctor.Last} {doctor.First} {doctor.Middle}",
                });
            }
        }

        return new DmsRegistry
        {
            InsurerName = first.Payer.DisplayName,
            ClinicName = first.Practice.Name,
            ClinicInn = first.Practice.Inn?.Value ?? string.Empty,
            PeriodFrom = date,
            PeriodTo = date,
            Number = first.Claim.PatientControlNumber,
            Version = 1,
            Date = date,
            Lines = lines,
        };
    }

    /// <summary>The request's bytes per the layout.</summary>
    public static byte[] Render(DmsRegistry request, DmsGuaranteeRequestLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return DmsRegistryRenderer.Render(request, layout.File);
    }

    /// <summary>The file name: the layout's pattern filled in, plus the format's extension.</summary>
    public static string FileName(DmsGuaranteeRequestLayout layout, string insurerCode, string number, DateOnly date, string payloadId)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var name = layout.FileName
            .Replace("{code}", insurerCode, StringComparison.Ordinal)
            .Replace("{number}", number, StringComparison.Ordinal)
            .Replace("{date}", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id}", payloadId, StringComparison.Ordinal);
        var safe = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
        return $"{safe}.{layout.File.Extension}";
    }
}
