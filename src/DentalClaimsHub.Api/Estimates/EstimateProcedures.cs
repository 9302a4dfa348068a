using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Estimates;

/// <summary>Turns the request's procedure lines into planned procedures: codes, teeth, surfaces and fees checked per line.</summary>
internal static class EstimateProcedures
{
    public static List<PlannedProcedure>? Plan(IReadOnlyList<PlannedProcedureRequest>? items, string currency, ToothSystem teeth,
        FeeSchedule? fees, FeeSchedule? allowed, ValidationErrors errors)
    {
        if (items is not { Count: > 0 })
        {
            errors.Add("$.procedures", "Name at least one procedure.");
            return null;
        }

        var planned = new List<PlannedProcedure>();
        var expected = currency == "RUB" ? ProcedureCodeSystem.Nomenclature804n : ProcedureCodeSystem.Cdt;
        for (var i = 0; i < items.Count; i++)
        {
            var path = JsonPath.Root.Property("procedures").Index(i);
            var item = items[i];
            if (!ProcedureCode.TryParseAny(item.Code, out var code) || code.System != expected)
            {
                errors.Add(path.Property("code"), expected == ProcedureCodeSystem.Cdt
                    ? "Not a CDT code (D followed by four digits)." : "Not a Номенклатура code (such as A16.07.002).");
                continue;
            }

            var tooth = DentalFields.Tooth(item.Tooth, teeth, path.Property("tooth"), errors);
            var surfaces = DentalFields.Surfaces(item.Surfaces, path.Property("surfaces"), errors);

            var fee = Fee(item.Fee, code, currency, fees, path, errors);
            if (fee is { } amount && errors.IsEmpty)
            {
                planned.Add(new PlannedProcedure(code, amount, allowed?.FeeFor(code), tooth, surfaces));
            }
        }

        return errors.IsEmpty ? planned : null;
    }

    private static Money? Fee(decimal? given, ProcedureCode code, string currency, FeeSchedule? fees, string path, ValidationErrors errors)
    {
        if (given is { } amount)
        {
            if (amount < 0 || decimal.Round(amount, 2) != amount)
            {
                errors.Add(path.Property("fee"), "A non-negative amount with at most two decimals.");
                return null;
            }

            return new Money(amount, currency);
        }

        if (fees?.FeeFor(code) is { } scheduled)
        {
            return scheduled;
        }

        errors.Add(path.Property("fee"), $"No fee given and the practice's {currency} fee schedule has none for {code} on this date.");
        return null;
    }
}
