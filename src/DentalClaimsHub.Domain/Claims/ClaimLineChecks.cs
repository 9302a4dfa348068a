namespace DentalClaimsHub.Domain.Claims;

/// <summary>Invariants of a single claim line, checked when the line is created.</summary>
internal static class ClaimLineChecks
{
    public static void Pointers(IReadOnlyList<int> pointers, string field)
    {
        if (pointers.Count > Claim.MaxDiagnoses)
        {
            throw new DomainException($"{field}: at most {Claim.MaxDiagnoses} diagnosis pointers, got {pointers.Count}.", "DiagnosisPointers");
        }

        if (pointers.Any(p => p is < 1 or > Claim.MaxDiagnoses) || pointers.Distinct().Count() != pointers.Count)
        {
            throw new DomainException(
                $"{field}: diagnosis pointers must be distinct numbers 1–{Claim.MaxDiagnoses}, got [{string.Join(", ", pointers)}].",
                "DiagnosisPointers");
        }
    }

    // 005010X224A2 2400 SV305 = R requires DTP*441 prior placement; a prior date makes no sense for an initial one.
    public static void Prosthesis(ClaimLineDetails details, string field)
    {
        if (details.Prosthesis == ProsthesisPlacement.Replacement && details.PriorPlacementDate is null)
        {
            throw new DomainException($"{field}: a replacement prosthesis needs the prior placement date.", nameof(details.PriorPlacementDate));
        }

        if (details.Prosthesis != ProsthesisPlacement.Replacement && details.PriorPlacementDate is not null)
        {
            throw new DomainException($"{field}: a prior placement date is only valid for a replacement prosthesis.", nameof(details.PriorPlacementDate));
        }

        if (details.PriorPlacementDate is { } prior && details.ServiceDate is { } service && prior > service)
        {
            throw new DomainException($"{field}: prior placement {prior:yyyy-MM-dd} is after the service date {service:yyyy-MM-dd}.", nameof(details.PriorPlacementDate));
        }
    }

    // 005010X224A2 2400 TOO: one segment per tooth; several only when SV306 (procedure count) = 1.
    public static void Teeth(ClaimLineDetails details, string field)
    {
        if (!details.Surfaces.IsEmpty && details.Tooth is null)
        {
            throw new DomainException($"{field}: surfaces {details.Surfaces} need a tooth.", nameof(details.Surfaces));
        }

        if (details.AdditionalTeeth.Count == 0)
        {
            return;
        }

        if (details.Tooth is not { } first)
        {
            throw new DomainException($"{field}: additional teeth need a first tooth.", nameof(details.AdditionalTeeth));
        }

        if (details.Units != 1)
        {
            throw new DomainException($"{field}: several teeth on one line need a procedure count of 1, got {details.Units}.", nameof(details.AdditionalTeeth));
        }

        var all = details.AdditionalTeeth.Prepend(first).ToList();
        if (all.Count > 32 || all.Where((t, i) => all.Skip(i + 1).Any(t.IsSameTooth)).Any())
        {
            throw new DomainException($"{field}: teeth must be distinct, at most 32.", nameof(details.AdditionalTeeth));
        }
    }
}
