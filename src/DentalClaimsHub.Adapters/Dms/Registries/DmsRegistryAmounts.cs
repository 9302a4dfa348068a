namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>
/// The money of one registry line, computed in one place: gross = price × quantity; discount = gross × discount % (the
/// clinic's contract discount); amount (сумма) = gross − discount; franchise = amount × franchise % (the patient's share
/// under the policy, which the clinic collects from the patient); the insurer pays amount − franchise. Every step is
/// rounded to kopecks half away from zero, so the totals are plain sums of what the lines show.
/// </summary>
public readonly record struct DmsRegistryAmounts(decimal Gross, decimal Discount, decimal Amount, decimal Franchise, decimal InsurerAmount)
{
    public static DmsRegistryAmounts Of(decimal price, int quantity, decimal discountPercent, decimal franchisePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (discountPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(discountPercent), discountPercent, "A discount is 0–100 percent.");
        }

        if (franchisePercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(franchisePercent), franchisePercent, "A franchise is 0–100 percent.");
        }

        var gross = Kopecks(price * quantity);
        var discount = Kopecks(gross * discountPercent / 100m);
        var amount = gross - discount;
        var franchise = Kopecks(amount * franchisePercent / 100m);
        return new DmsRegistryAmounts(gross, discount, amount, franchise, amount - franchise);
    }

    public static DmsRegistryAmounts operator +(DmsRegistryAmounts left, DmsRegistryAmounts right) => new(
        left.Gross + right.Gross, left.Discount + right.Discount, left.Amount + right.Amount, left.Franchise + right.Franchise,
        left.InsurerAmount + right.InsurerAmount);

    /// <summary>Rounds to kopecks, half away from zero (as cash registers and 1С do).</summary>
    public static decimal Kopecks(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
