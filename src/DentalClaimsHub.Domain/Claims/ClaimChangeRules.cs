using System.Reflection;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// The ids of the rules a claim enforces as it is changed — edited, moved along its lifecycle, replaced or voided, given a
/// document — thrown as <see cref="DomainException"/> with <see cref="DomainException.Rule"/> and its arguments (listed per
/// rule, invariant culture; states and frequencies by their enum names). Readers word a broken rule from the id.
/// </summary>
public static class ClaimChangeRules
{
    /// <summary>Args: the claim's number, its state.</summary>
    public const string NotEditable = "not-editable";

    /// <summary>Args: the line number.</summary>
    public const string NoLine = "no-line";

    /// <summary>Args: the line limit.</summary>
    public const string LineLimit = "line-limit";

    /// <summary>Args: the fee's currency, the claim's currency.</summary>
    public const string FeeCurrency = "fee-currency";

    /// <summary>Args: the line number.</summary>
    public const string NegativeFee = "negative-fee";

    /// <summary>Args: the line number, the units.</summary>
    public const string Units = "units";

    /// <summary>Args: the line number, the limit, the count.</summary>
    public const string PointerCount = "pointer-count";

    /// <summary>Args: the line number, the limit, the pointers (comma-separated).</summary>
    public const string PointerValues = "pointer-values";

    /// <summary>Args: the line number.</summary>
    public const string PriorPlacementNeeded = "prior-placement-needed";

    /// <summary>Args: the line number.</summary>
    public const string PriorPlacementUnexpected = "prior-placement-unexpected";

    /// <summary>Args: the line number, the prior placement date, the date of service (yyyy-MM-dd).</summary>
    public const string PriorPlacementAfterService = "prior-placement-after-service";

    /// <summary>Args: the line number, the surfaces.</summary>
    public const string SurfacesNeedTooth = "surfaces-need-tooth";

    /// <summary>Args: the line number.</summary>
    public const string AdditionalTeethNeedFirst = "additional-teeth-need-first";

    /// <summary>Args: the line number, the units.</summary>
    public const string AdditionalTeethUnits = "additional-teeth-units";

    /// <summary>Args: the line number.</summary>
    public const string TeethDistinct = "teeth-distinct";

    public const string DiagnosesRepeat = "diagnoses-repeat";

    /// <summary>Args: the control number.</summary>
    public const string AttachmentExists = "attachment-exists";

    /// <summary>Args: the claim's number, its state, the control number.</summary>
    public const string AttachmentNotDeclared = "attachment-not-declared";

    /// <summary>Args: the report type as given.</summary>
    public const string ReportType = "report-type";

    /// <summary>Args: the state the claim is in, the state it was asked to move to.</summary>
    public const string Transition = "transition";

    public const string PlanNotFollowedUp = "plan-not-followed-up";

    /// <summary>Args: the claim's number, the follow-up's frequency.</summary>
    public const string FollowUpNeedsPayerNumber = "follow-up-needs-payer-number";

    /// <summary>Every id above; a reader that words them checks it has a text for each.</summary>
    public static readonly IReadOnlyList<string> All = typeof(ClaimChangeRules).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
