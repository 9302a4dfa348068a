using System.Globalization;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>One <c>insurance.item</c>: its category, network, unit, term and procedure, and a canonical line per benefit.</summary>
internal sealed class FhirBenefitItem(CoverageEligibilityResponse.ItemsComponent item, string defaultCurrency, List<string> issues)
{
    public IEnumerable<BenefitLine> Lines()
    {
        var template = new BenefitLine
        {
            Kind = BenefitKind.Limitation,
            Category = FhirBenefitCodes.Category(item.Category),
            Network = FhirBenefitCodes.Network(item.Network),
            CoverageLevel = FhirBenefitCodes.Unit(item.Unit),
            Period = FhirBenefitCodes.Term(item.Term),
            ProcedureCodes = Procedures(),
            AuthorizationRequired = item.AuthorizationRequired,
            Note = string.IsNullOrWhiteSpace(item.Description) ? item.Name : item.Description,
        };
        if (item.Excluded == true)
        {
            yield return template with { Kind = BenefitKind.Exclusion };
        }

        foreach (var benefit in item.Benefit)
        {
            var code = FhirBenefitCodes.Code(benefit.Type);
            if (FhirBenefitCodes.Kind(code) is not { } kind)
            {
                issues.Add($"Benefit type '{code}' is not mapped; skipped.");
                continue;
            }

            foreach (var line in Lines(template with { Kind = kind }, benefit))
            {
                yield return line;
            }
        }
    }

    private IEnumerable<BenefitLine> Lines(BenefitLine line, CoverageEligibilityResponse.BenefitComponent benefit)
    {
        switch (benefit.Allowed, benefit.Used)
        {
            case (Hl7.Fhir.Model.Money allowed, var used):
                var amount = Money(allowed);
                var spent = used is Hl7.Fhir.Model.Money u ? Money(u) : (Domain.Values.Money?)null;
                yield return line with
                {
                    Amount = amount,
                    Remaining = amount is { } a && spent is { } s && a.Currency == s.Currency
                        ? Domain.Values.Money.Max(a - s, Domain.Values.Money.Zero(a.Currency))
                        : null,
                };
                break;
            case (_, _) when line.Kind == BenefitKind.CoInsurance:
                // copay-percent is the patient's share in FHIR, which is also the canonical meaning.
                yield return line with { Percent = Number(benefit.Allowed) };
                break;
            case (_, _):
                var count = Number(benefit.Allowed);
                var usedCount = Number(benefit.Used);
                yield return line with { Quantity = count, QuantityUnit = QuantityUnit.Visits };
                if (count is { } c && usedCount is { } uc)
                {
                    yield return line with
                    {
                        Period = BenefitPeriod.Remaining, Quantity = Math.Max(c - uc, 0m), QuantityUnit = QuantityUnit.Visits,
                    };
                }

                break;
        }
    }

    private Domain.Values.Money? Money(Hl7.Fhir.Model.Money money)
    {
        if (money.Value is not { } value)
        {
            issues.Add("A benefit amount without a value was ignored.");
            return null;
        }

        return new Domain.Values.Money(value, money.Currency?.ToString() ?? defaultCurrency);
    }

    private decimal? Number(DataType? value) => value switch
    {
        null => null,
        UnsignedInt u => u.Value,
        FhirString s when decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => Unreadable(value),
    };

    private decimal? Unreadable(DataType value)
    {
        issues.Add($"Benefit value of type {value.TypeName} is not a number; ignored.");
        return null;
    }

    private List<ProcedureCode> Procedures()
    {
        var codes = new List<ProcedureCode>();
        foreach (var coding in item.ProductOrService?.Coding ?? [])
        {
            if (coding.System == FhirSystems.Cdt && CdtCode.TryParse(coding.Code, out var cdt))
            {
                codes.Add(ProcedureCode.Cdt(cdt));
            }
            else
            {
                issues.Add($"Procedure {coding.System}|{coding.Code} is not a CDT code; not attached.");
            }
        }

        return codes;
    }
}
