namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// The ids of the rules <see cref="Claim.CheckRules"/> applies, carried on each <see cref="ClaimRuleViolation"/> with its
/// arguments (listed per rule, invariant culture). Readers word a violation from the id; the English message stays the fallback.
/// </summary>
public static class ClaimRules
{
    public const string NoLines = "no-lines";

    /// <summary>Args: the limit, the count.</summary>
    public const string TooManyLines = "too-many-lines";

    /// <summary>Args: the limit, the count.</summary>
    public const string TooManyDiagnoses = "too-many-diagnoses";

    public const string MixedCodeSystems = "mixed-code-systems";

    public const string PlanFollowUp = "plan-follow-up";

    public const string NoOriginalNumber = "no-original-number";

    /// <summary>Args: the accident date (yyyy-MM-dd).</summary>
    public const string AccidentInFuture = "accident-in-future";

    public const string DuplicateLineControl = "duplicate-line-control";

    public const string NoServiceDate = "no-service-date";

    /// <summary>Args: the date of service (yyyy-MM-dd).</summary>
    public const string ServiceInFuture = "service-in-future";

    /// <summary>Args: the pointer.</summary>
    public const string DiagnosisPointer = "diagnosis-pointer";

    /// <summary>Args: the procedure code.</summary>
    public const string OrthoMonths = "ortho-months";

    /// <summary>Args: the CDT code.</summary>
    public const string ToothNeeded = "tooth-needed";

    /// <summary>Args: the CDT code.</summary>
    public const string QuadrantNotTooth = "quadrant-not-tooth";

    /// <summary>Args: the CDT code.</summary>
    public const string ArchNotTooth = "arch-not-tooth";

    /// <summary>Args: the CDT code.</summary>
    public const string NoTooth = "no-tooth";

    /// <summary>Args: the CDT code.</summary>
    public const string QuadrantNeeded = "quadrant-needed";

    /// <summary>Args: the CDT code.</summary>
    public const string ArchNeeded = "arch-needed";

    /// <summary>Args: the CDT code, the tooth.</summary>
    public const string AnteriorOnly = "anterior-only";

    /// <summary>Args: the CDT code, the tooth.</summary>
    public const string PosteriorOnly = "posterior-only";

    /// <summary>Args: the tooth.</summary>
    public const string AnteriorOcclusal = "anterior-occlusal";

    /// <summary>Args: the tooth.</summary>
    public const string PosteriorIncisal = "posterior-incisal";

    /// <summary>Args: the CDT code, the least count, the most (empty: no limit), the count given, the surfaces given.</summary>
    public const string SurfaceCount = "surface-count";

    /// <summary>Args: the amount the patient paid, the claim total (both 0.00).</summary>
    public const string PatientPaidOverTotal = "patient-paid-over-total";

    /// <summary>Every rule id, for tests that check each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        NoLines, TooManyLines, TooManyDiagnoses, MixedCodeSystems, PlanFollowUp, NoOriginalNumber, AccidentInFuture, DuplicateLineControl,
        NoServiceDate, ServiceInFuture, DiagnosisPointer, OrthoMonths, ToothNeeded, QuadrantNotTooth, ArchNotTooth, NoTooth, QuadrantNeeded,
        ArchNeeded, AnteriorOnly, PosteriorOnly, AnteriorOcclusal, PosteriorIncisal, SurfaceCount,
        PatientPaidOverTotal,
    ];
}
