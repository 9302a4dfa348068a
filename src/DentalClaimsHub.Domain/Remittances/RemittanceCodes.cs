namespace DentalClaimsHub.Domain.Remittances;

/// <summary>How the payer paid (X12 BPR04).</summary>
public enum PaymentMethod
{
    /// <summary>ACH — automated clearing house.</summary>
    Ach = 1,

    /// <summary>CHK — cheque.</summary>
    Check,

    /// <summary>FWT — federal reserve wire; also a bank transfer (платёжное поручение) for ДМС insurers.</summary>
    Wire,

    /// <summary>BOP — financial institution option (e.g. virtual card).</summary>
    FinancialInstitutionOption,

    /// <summary>NON — no payment (all claims denied or offset).</summary>
    NonPayment,
}

/// <summary>Claim adjustment group (X12 CAS01).</summary>
public enum AdjustmentGroup
{
    /// <summary>CO — contractual obligation; the provider writes it off.</summary>
    ContractualObligation = 1,

    /// <summary>PR — patient responsibility.</summary>
    PatientResponsibility,

    /// <summary>OA — other adjustment.</summary>
    OtherAdjustment,

    /// <summary>PI — payer-initiated reduction.</summary>
    PayerInitiatedReduction,
}

/// <summary>Claim status in a remittance; the numeric value is the X12 CLP02 code.</summary>
public enum ClaimPaymentStatus
{
    ProcessedAsPrimary = 1,
    ProcessedAsSecondary = 2,
    ProcessedAsTertiary = 3,
    Denied = 4,
    ProcessedAsPrimaryForwarded = 19,
    ProcessedAsSecondaryForwarded = 20,
    ProcessedAsTertiaryForwarded = 21,
    Reversal = 22,
    NotOurClaimForwarded = 23,
    PredeterminationPricingOnly = 25,
}

/// <summary>X12 code conversions for remittance enums.</summary>
public static class RemittanceCodeConversions
{
    public static string ToX12Code(this AdjustmentGroup group) => group switch
    {
        AdjustmentGroup.ContractualObligation => "CO",
        AdjustmentGroup.PatientResponsibility => "PR",
        AdjustmentGroup.OtherAdjustment => "OA",
        AdjustmentGroup.PayerInitiatedReduction => "PI",
        _ => throw new DomainException($"Adjustment group '{group}' has no X12 code.", nameof(group)),
    };

    public static AdjustmentGroup AdjustmentGroupFromX12(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "CO" => AdjustmentGroup.ContractualObligation,
        "PR" => AdjustmentGroup.PatientResponsibility,
        "OA" => AdjustmentGroup.OtherAdjustment,
        "PI" => AdjustmentGroup.PayerInitiatedReduction,
        _ => throw new DomainException($"'{code}' is not a claim adjustment group (CO, PR, OA, PI).", nameof(code)),
    };

    public static string ToX12Code(this PaymentMethod method) => method switch
    {
        PaymentMethod.Ach => "ACH",
        PaymentMethod.Check => "CHK",
        PaymentMethod.Wire => "FWT",
        PaymentMethod.FinancialInstitutionOption => "BOP",
        PaymentMethod.NonPayment => "NON",
        _ => throw new DomainException($"Payment method '{method}' has no X12 code.", nameof(method)),
    };

    public static PaymentMethod PaymentMethodFromX12(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "ACH" => PaymentMethod.Ach,
        "CHK" => PaymentMethod.Check,
        "FWT" => PaymentMethod.Wire,
        "BOP" => PaymentMethod.FinancialInstitutionOption,
        "NON" => PaymentMethod.NonPayment,
        _ => throw new DomainException($"'{code}' is not a payment method (ACH, CHK, FWT, BOP, NON).", nameof(code)),
    };

    public static ClaimPaymentStatus ClaimPaymentStatusFromX12(string? code) =>
        int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && Enum.IsDefined(typeof(ClaimPaymentStatus), n)
            ? (ClaimPaymentStatus)n
            : throw new DomainException($"'{code}' is not a supported claim status code (CLP02).", nameof(code));
}
