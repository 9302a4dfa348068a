using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.FeeSchedules;

internal static class FeeScheduleValidation
{
    /// <summary>The entries of a request, or null with errors keyed by JSON path (<c>$.fees[3].amount</c>).</summary>
    public static List<FeeScheduleEntry>? Entries(FeeScheduleRequest request, Func<string, bool> payerExists, ValidationErrors errors)
    {
        errors.Required("$.name", request.Name).MaxLength("$.name", request.Name, 120)
            .Required("$.currency", request.Currency).Required("$.effectiveFrom", request.EffectiveFrom);
        if (request.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            errors.Add("$.currency", "An ISO 4217 code such as USD or RUB.");
        }

        if (request.PayerId is { Length: > 0 } payerId && !payerExists(payerId))
        {
            errors.Add("$.payerId", $"No payer '{payerId}'.");
        }

        var entries = new List<FeeScheduleEntry>();
        var fees = request.Fees ?? [];
        for (var i = 0; i < fees.Count; i++)
        {
            var path = JsonPath.Root.Property("fees").Index(i);
            if (!ProcedureCode.TryParseAny(fees[i].Code, out var code))
            {
                errors.Add(path.Property("code"), "Not a CDT code (D and four digits) or a Номенклатура code (A16.07.002).");
            }

            if (fees[i].Amount is not { } amount || amount < 0 || decimal.Round(amount, 2) != amount)
            {
                errors.Add(path.Property("amount"), "A non-negative amount with at most two decimals.");
                continue;
            }

            if (errors.IsEmpty)
            {
                entries.Add(new FeeScheduleEntry(code, new Money(amount, request.Currency!.ToUpperInvariant())));
            }
        }

        if (entries.GroupBy(e => e.Procedure).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add("$.fees", $"{twice.Key} is listed more than once.");
        }

        return errors.IsEmpty ? entries : null;
    }

    public static FeeScheduleResponse ToResponse(this FeeSchedule schedule) => new(schedule.Id, schedule.Name, schedule.Currency, schedule.PayerId,
        schedule.EffectiveFrom, schedule.EffectiveTo, [.. schedule.Entries.Select(e => new FeeDto(e.Procedure.Code, e.Fee.Amount))], schedule.UpdatedAt);
}
