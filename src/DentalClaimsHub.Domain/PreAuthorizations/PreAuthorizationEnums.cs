namespace DentalClaimsHub.Domain.PreAuthorizations;

/// <summary>Which kind of advance approval this is.</summary>
public enum PreAuthorizationKind
{
    /// <summary>US predetermination: an 837D with CLM19 = PB, no service dates.</summary>
    Predetermination = 1,

    /// <summary>Prior authorisation (X12 278, FHIR PAS).</summary>
    PriorAuthorization,

    /// <summary>ДМС guarantee letter (гарантийное письмо) from the insurer.</summary>
    GuaranteeLetter,
}

/// <summary>Where the request stands; the decided values follow the ДМС letter statuses as well as US outcomes.</summary>
public enum PreAuthorizationStatus
{
    Draft = 0,
    Submitted,

    /// <summary>Every line approved (гарантия оплаты).</summary>
    Approved,

    /// <summary>Some lines approved (частично согласовано).</summary>
    PartiallyApproved,

    /// <summary>The payer needs more information (нужны сведения).</summary>
    InformationRequested,

    /// <summary>Every line denied (отказ).</summary>
    Denied,

    /// <summary>Withdrawn by us or annulled by the payer (аннулирование).</summary>
    Cancelled,
}

/// <summary>The payer's decision on one planned procedure.</summary>
public enum LineDecision
{
    Pending = 0,
    Approved,

    /// <summary>Approved with a changed code, amount or count.</summary>
    Modified,
    Denied,
}
