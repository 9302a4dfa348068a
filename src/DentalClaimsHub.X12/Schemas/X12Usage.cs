namespace DentalClaimsHub.X12.Schemas;

/// <summary>Implementation-guide usage of a loop, segment or element.</summary>
public enum X12Usage
{
    /// <summary><c>R</c>: must be present.</summary>
    Required,

    /// <summary><c>S</c>: present when the guide's situation applies.</summary>
    Situational,

    /// <summary><c>N</c>: must not be sent.</summary>
    NotUsed,
}
