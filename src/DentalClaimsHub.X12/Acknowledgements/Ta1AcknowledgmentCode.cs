namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>TA104, the interchange acknowledgment code.</summary>
public enum Ta1AcknowledgmentCode
{
    /// <summary>A: the interchange envelope was accepted with no errors.</summary>
    Accepted = 'A',

    /// <summary>E: the interchange was accepted, but errors or warnings are noted.</summary>
    AcceptedWithErrors = 'E',

    /// <summary>R: the interchange was rejected because of errors in its envelope.</summary>
    Rejected = 'R',
}
