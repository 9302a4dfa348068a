namespace DentalClaimsHub.X12.Validation;

/// <summary>An <see cref="X12Issue"/> with the extra facts a 999 needs about a bad element.</summary>
/// <param name="Issue">The finding itself.</param>
/// <param name="ElementRef">Data element reference number (IK402), when the finding concerns an element.</param>
/// <param name="BadValue">Copy of the bad value (IK404), when there is one.</param>
/// <param name="Repetition">1-based repetition of a repeating element, when relevant.</param>
public sealed record X12Finding(X12Issue Issue, string? ElementRef = null, string? BadValue = null, int? Repetition = null)
{
    /// <summary>True for findings of severity <see cref="X12IssueSeverity.Error"/>.</summary>
    public bool IsError => Issue.Severity == X12IssueSeverity.Error;

    /// <inheritdoc />
    public override string ToString() => BadValue is null ? Issue.ToString() : $"{Issue} (value '{BadValue}')";
}
