using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>Our decimal money as FHIR Money: the amount unchanged, the ISO 4217 currency as the SDK's code.</summary>
internal static class FhirMoney
{
    public static Hl7.Fhir.Model.Money Of(Domain.Values.Money money) => new()
    {
        Value = money.Amount,
        Currency = Enum.TryParse<Hl7.Fhir.Model.Money.Currencies>(money.Currency, ignoreCase: false, out var currency)
            ? currency
            : throw new InvalidOperationException($"Currency '{money.Currency}' has no FHIR code."),
    };
}
