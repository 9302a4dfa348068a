namespace DentalClaimsHub.X12;

/// <summary>How serious an <see cref="X12Issue"/> is.</summary>
public enum X12IssueSeverity
{
    /// <summary>Informational note; the input is acceptable.</summary>
    Information = 0,

    /// <summary>Tolerated deviation; the input can still be processed.</summary>
    Warning = 1,

    /// <summary>The input violates the standard; the affected unit should be rejected.</summary>
    Error = 2,
}
