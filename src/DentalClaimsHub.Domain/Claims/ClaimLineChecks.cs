using System.Globalization;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>Invariants of a single claim line, checked when the line is created.</summary>
internal static class ClaimLineChecks
{
    public static void Amounts(ClaimLineDetails details, int lineNumber)
    {
        var field = Field(lineNumber);
        if (details.Fee.IsNegative)
        {
            throw new DomainException($"{field}: fee must not be negative, got {details.Fee}.", nameof(details.Fee))
            {
                Rule = ClaimChangeRules.NegativeFee, Args = [Invariant(lineNumber)],
            };
        }

        if (details.Units is < 1 or > 99)
        {
            throw new DomainException($"{field}: units must be between 1 and 99, got {details.Units}.", nameof(details.Units))
            {
                Rule = ClaimChangeRules.Units, Args = [Invariant(lineNumber), Invariant(details.Units)],
            };
        }
    }

    public static void Pointers(IReadOnlyList<int> pointers, int lineNumber)
    {
        var field = Field(lineNumber);
        if (pointers.Count > Claim.MaxDiagnoses)
        {
            throw new DomainException($"{field}: at most {Claim.MaxDiagnoses} diagnosis pointers, got {pointers.Count}.", "DiagnosisPointers")
            {
                Rule = ClaimChangeRules.PointerCount, Args = [Invariant(lineNumber), Invariant(Claim.MaxDiagnoses), Invariant(pointers.Count)],
            };
        }

        if (pointers.Any(p => p is < 1 or > Claim.MaxDiagnoses) || pointers.Distinct().Count() != pointers.Count)
        {
            throw new DomainException(
                $"{field}: diagnosis pointers must be distinct numbers 1–{Claim.MaxDiagnoses}, got [{string.Join(", ", pointers)}].",
                "DiagnosisPointers")
            {
                Rule = ClaimChangeRules.PointerValues,
                Args = [Invariant(lineNumber), Invariant(Claim.MaxDiagnoses), string.Join(", ", pointers.Select(Invariant))],
            };
        }
    }

    // 005010X224A2 2400 SV305 = R requires DTP*441 prior placement; a prior date makes no sense for an initial one.
    public static void Prosthesis(ClaimLineDetails details, int lineNumber)
    {
        var field = Field(lineNumber);
        if (details.Prosthesis == ProsthesisPlacement.Replacement && details.PriorPlacementDate is null)
        {
            throw new DomainException($"{field}: a replacement prosthesis needs the prior placement date.", nameof(details.PriorPlacementDate))
            {
                Rule = ClaimChangeRules.PriorPlacementNeeded, Args = [Invariant(lineNumber)],
            };
        }

        if (details.Prosthesis != ProsthesisPlacement.Replacement && details.PriorPlacementDate is not null)
        {
            throw new DomainException($"{field}: a prior placement date is only valid for a replacement prosthesis.", nameof(details.PriorPlacementDate))
            {
                Rule = ClaimChangeRules.PriorPlacementUnexpected, Args = [Invariant(lineNumber)],
            };
        }

        if (details.PriorPlacementDate is { } prior && details.ServiceDate is { } service && prior > service)
        {
            throw new DomainException($"{field}: prior placement {prior:yyyy-MM-dd} is after the service date {service:yyyy-MM-dd}.", nameof(details.PriorPlacementDate))
            {
                Rule = ClaimChangeRules.PriorPlacementAfterService,
                Args = [Invariant(lineNumber), prior.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), service.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            };
        }
    }

    // 005010X224A2 2400 TOO: one segment per tooth; several only when SV306 (procedure count) = 1.
    public static void Teeth(ClaimLineDetails details, int lineNumber)
    {
        var field = Field(lineNumber);
        if (!details.Surfaces.IsEmpty && details.Tooth is null)
        {
            throw new DomainException($"{field}: surfaces {details.Surfaces} need a tooth.", nameof(details.Surfaces))
            {
                Rule = ClaimChangeRules.SurfacesNeedTooth, Args = [Invariant(lineNumber), details.Surfaces.ToString()],
            };
        }

        if (details.AdditionalTeeth.Count == 0)
        {
            return;
        }

        if (details.Tooth is not { } first)
        {
            throw new DomainException($"{field}: additional teeth need a first tooth.", nameof(details.AdditionalTeeth))
            {
                Rule = ClaimChangeRules.AdditionalTeethNeedFirst, Args = [Invariant(lineNumber)],
            };
        }

        if (details.Units != 1)
        {
            throw new DomainException($"{field}: several teeth on one line need a procedure count of 1, got {details.Units}.", nameof(details.AdditionalTeeth))
            {
                Rule = ClaimChangeRules.AdditionalTeethUnits, Args = [Invariant(lineNumber), Invariant(details.Units)],
            };
        }

        var all = details.AdditionalTeeth.Prepend(first).ToList();
        if (all.Count > 32 || all.Where((t, i) => all.Skip(i + 1).Any(t.IsSameTooth)).Any())
        {
            throw new DomainException($"{field}: teeth must be distinct, at most 32.", nameof(details.AdditionalTeeth))
            {
                Rule = ClaimChangeRules.TeethDistinct, Args = [Invariant(lineNumber)],
            };
        }
    }

    private static string Field(int lineNumber) => $"Lines[{lineNumber}]";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
