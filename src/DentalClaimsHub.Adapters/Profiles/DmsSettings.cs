namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The ДМС (voluntary medical insurance) part of a payer profile.</summary>
public sealed record DmsSettings
{
    /// <summary>The insurer's code in our registries.</summary>
    public required string InsurerCode { get; init; }

    /// <summary>File name of the insurer's registry layout under <c>mappings/dms/</c>.</summary>
    public required string RegistryMapping { get; init; }

    /// <summary>How files are delivered.</summary>
    public required DmsDeliveryKind Delivery { get; init; }

    /// <summary>E-mail address or drop URL / folder, depending on <see cref="Delivery"/> (placeholders resolved).</summary>
    public required string DeliveryTarget { get; init; }

    /// <summary>Encoding of files we send (e.g. <c>utf-8</c>, <c>windows-1251</c>).</summary>
    public string OutboundEncoding { get; init; } = "utf-8";

    /// <summary>Encoding of files we receive (rosters, replies).</summary>
    public string InboundEncoding { get; init; } = "utf-8";
}
