namespace DentalClaimsHub.Domain.Coverages;

/// <summary>The patient's relationship to the subscriber (policy holder).</summary>
public enum SubscriberRelationship
{
    /// <summary>The patient is the subscriber (X12 18).</summary>
    Self = 0,

    /// <summary>X12 01.</summary>
    Spouse = 1,

    /// <summary>X12 19.</summary>
    Child = 2,

    /// <summary>Any other dependant (X12 G8).</summary>
    Other = 3,
}
