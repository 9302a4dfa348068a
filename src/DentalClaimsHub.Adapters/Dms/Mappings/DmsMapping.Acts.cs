using DentalClaimsHub.Adapters.Dms.Acts;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

public sealed partial record DmsMapping
{
    /// <summary>The insurer's reconciliation acts (accepted and refused service lines); null when the mapping has no layout for them.</summary>
    public DmsActLayout? Acts { get; init; }
}
