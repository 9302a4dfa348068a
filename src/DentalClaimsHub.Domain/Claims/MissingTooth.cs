using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>Status of a tooth reported on a claim (X12 DN2 02).</summary>
public enum MissingToothStatus
{
    /// <summary>M — missing.</summary>
    Missing = 1,

    /// <summary>E — to be extracted.</summary>
    ToBeExtracted = 2,
}

/// <summary>A tooth reported as missing or to be extracted, e.g. for a bridge or partial denture (X12 DN2).</summary>
public sealed record MissingTooth(ToothNumber Tooth, MissingToothStatus Status)
{
    /// <summary>M or E.</summary>
    public string ToX12Code() => Status == MissingToothStatus.Missing ? "M" : "E";
}
