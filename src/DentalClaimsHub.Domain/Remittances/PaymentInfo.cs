using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>The payment a remittance describes (X12 BPR + TRN): method, total, date and trace (cheque / EFT) number.</summary>
public sealed record PaymentInfo
{
    // For storage, which sets the properties itself.
    private PaymentInfo() => TraceNumber = string.Empty;

    public PaymentInfo(PaymentMethod method, Money amount, DateOnly? paymentDate, string traceNumber)
    {
        if (!Enum.IsDefined(method))
        {
            throw new DomainException($"Payment method '{method}' is not a known value.", nameof(method));
        }

        if (amount.IsNegative)
        {
            throw new DomainException($"Payment amount must not be negative, got {amount}.", nameof(amount));
        }

        Method = method;
        Amount = amount;
        PaymentDate = paymentDate;
        TraceNumber = Guard.Required(traceNumber, nameof(TraceNumber), 50);
    }

    public PaymentMethod Method { get; }

    public Money Amount { get; }

    public DateOnly? PaymentDate { get; }

    /// <summary>TRN02: the cheque or EFT trace number that reassociates the remittance with the money.</summary>
    public string TraceNumber { get; }
}
