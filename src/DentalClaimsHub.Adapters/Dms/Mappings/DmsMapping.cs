namespace DentalClaimsHub.Adapters.Dms.Mappings;

/// <summary>
/// How one ДМС insurer lays out the files it exchanges with clinics, read from <c>mappings/dms/&lt;id&gt;.yaml</c>. No
/// insurer publishes a specification, so each file kind's header row, column names, date formats, encodings and free-text
/// conventions are data here rather than code. A payer profile names its mapping in <c>dms.registryMapping</c>.
/// </summary>
public sealed partial record DmsMapping
{
    /// <summary>The file name without extension.</summary>
    public required string Id { get; init; }

    /// <summary>The insurer as it signs its letters.</summary>
    public required string InsurerName { get; init; }

    /// <summary>Insured rosters (прикрепление, открепление, full lists); null when the insurer sends none.</summary>
    public DmsRosterLayout? Rosters { get; init; }

    /// <summary>Path of the YAML file the mapping was read from.</summary>
    public required string File { get; init; }
}
