using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

public sealed partial record DmsMapping
{
    /// <summary>The insurer's answers to guarantee-letter requests (гарантийные письма); null when the mapping has no layout for them.</summary>
    public DmsGuaranteeLetterLayout? GuaranteeLetters { get; init; }
}
