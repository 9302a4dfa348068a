namespace DentalClaimsHub.Domain.Values;

/// <summary>The notation a tooth number is written in.</summary>
public enum ToothSystem
{
    /// <summary>ADA Universal: 1–32 permanent, A–T primary (US claims, X12 TOO*JP).</summary>
    Universal = 1,

    /// <summary>FDI / ISO 3950 two-digit notation: quadrant 1–4 permanent, 5–8 primary (Russia, most of the world).</summary>
    Fdi = 2,
}
