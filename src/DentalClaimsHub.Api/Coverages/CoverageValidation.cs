using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Coverages;

/// <summary>The validated pieces of a <see cref="CoverageRequest"/>.</summary>
public sealed record CoverageInput(
    string PayerId,
    string MemberId,
    string? GroupNumber,
    string? GroupName,
    string? PlanName,
    CoverageOrder Order,
    SubscriberRelationship Relationship,
    Subscriber? Subscriber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DmsTerms? Dms);

public static class CoverageValidation
{
    public static CoverageInput? Validate(CoverageRequest request, ValidationErrors errors, Func<string, bool> payerExists, TimeProvider time)
    {
        errors.Required("$.payerId", request.PayerId).Required("$.memberId", request.MemberId).MaxLength("$.memberId", request.MemberId, 80)
            .MaxLength("$.groupNumber", request.GroupNumber, 50).MaxLength("$.groupName", request.GroupName, 200)
            .MaxLength("$.planName", request.PlanName, 200);
        if (!string.IsNullOrWhiteSpace(request.PayerId) && !payerExists(request.PayerId.Trim()))
        {
            errors.Add("$.payerId", $"No payer profile '{request.PayerId.Trim()}' is configured.");
        }

        var order = ParseOrder(request.Order, errors);
        var relationship = ParseRelationship(request.Relationship, errors);
        var subscriber = ValidateSubscriber(request.Subscriber, relationship, errors, time);
        if (request.ValidFrom is { } from && request.ValidTo is { } to && to < from)
        {
            errors.Add("$.validTo", "The coverage cannot end before it starts.");
        }

        var dms = ValidateDms(request.Dms, errors);
        return errors.IsEmpty
            ? new CoverageInput(request.PayerId!.Trim(), request.MemberId!.Trim(), PatientValidation.Blank(request.GroupNumber),
                PatientValidation.Blank(request.GroupName), PatientValidation.Blank(request.PlanName), order, relationship, subscriber,
                request.ValidFrom, request.ValidTo, dms)
            : null;
    }

    /// <summary>Validates a request and builds the patient's coverage; null (with errors) when it is not acceptable.</summary>
    public static Coverage? TryCreate(Guid practiceId, Guid patientId, CoverageRequest request, ValidationErrors errors,
        Func<string, bool> payerExists, TimeProvider time)
    {
        var input = Validate(request, errors, payerExists, time);
        if (input is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return errors.Try(JsonPath.Root, () => Coverage.Create(practiceId, patientId, input.PayerId, input.MemberId, input.Order,
            input.Relationship, now, input.Subscriber, input.GroupNumber, input.GroupName, input.PlanName, input.ValidFrom, input.ValidTo,
            input.Dms, Guid.CreateVersion7(now)));
    }

    private static CoverageOrder ParseOrder(string? value, ValidationErrors errors) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "primary" => CoverageOrder.Primary,
        "secondary" => CoverageOrder.Secondary,
        "tertiary" => CoverageOrder.Tertiary,
        _ => Invalid(errors, "$.order", "Must be primary, secondary or tertiary.", CoverageOrder.Primary),
    };

    private static SubscriberRelationship ParseRelationship(string? value, ValidationErrors errors) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "self" => SubscriberRelationship.Self,
        "spouse" => SubscriberRelationship.Spouse,
        "child" => SubscriberRelationship.Child,
        "other" => SubscriberRelationship.Other,
        _ => Invalid(errors, "$.relationship", "Must be self, spouse, child or other.", SubscriberRelationship.Self),
    };

    private static Subscriber? ValidateSubscriber(SubscriberDto? dto, SubscriberRelationship relationship, ValidationErrors errors,
        TimeProvider time)
    {
        const string path = "$.subscriber";
        if (relationship == SubscriberRelationship.Self)
        {
            if (dto is not null)
            {
                errors.Add(path, "Leave the subscriber out when the patient is the subscriber (relationship self).");
            }

            return null;
        }

        if (dto is null)
        {
            errors.Add(path, "Required when the patient is not the subscriber.");
            return null;
        }

        var name = PatientValidation.ValidateName(dto.Name, path.Property("name"), errors);
        var birthDate = PatientValidation.ValidateBirthDate(dto.BirthDate, path.Property("birthDate"), errors, time);
        var sex = PatientValidation.ParseSex(dto.Sex, path.Property("sex"), errors);
        errors.Required(path.Property("memberId"), dto.MemberId).MaxLength(path.Property("memberId"), dto.MemberId, 80);
        return name is null || string.IsNullOrWhiteSpace(dto.MemberId) ? null : new Subscriber(name, birthDate, sex, dto.MemberId.Trim());
    }

    private static DmsTerms? ValidateDms(DmsTermsDto? dto, ValidationErrors errors)
    {
        const string path = "$.dms";
        if (dto is null)
        {
            return null;
        }

        errors.Required(path.Property("programCode"), dto.ProgramCode).Required(path.Property("programName"), dto.ProgramName);
        if (dto.FranchisePercent is < 0 or > 100)
        {
            errors.Add(path.Property("franchisePercent"), "A franchise is a percentage from 0 to 100.");
        }

        Money? limit = null;
        if (dto.Limit is { } l)
        {
            errors.Required(path.Property("limit").Property("amount"), l.Amount).Required(path.Property("limit").Property("currency"), l.Currency);
            if (l.Amount is { } amount && l.Currency is { } currency)
            {
                limit = errors.Try(path.Property("limit"), () => new Money(amount, currency.Trim().ToUpperInvariant()));
                if (amount < 0)
                {
                    errors.Add(path.Property("limit").Property("amount"), "A limit cannot be negative.");
                }
            }
        }

        return errors.IsEmpty
            ? new DmsTerms(dto.ProgramCode!.Trim(), dto.ProgramName!.Trim(), dto.FranchisePercent, limit,
                PatientValidation.Blank(dto.ContractNumber), PatientValidation.Blank(dto.Policyholder),
                [.. (dto.Exclusions ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())])
            : null;
    }

    private static T Invalid<T>(ValidationErrors errors, string path, string message, T fallback)
    {
        errors.Add(path, message);
        return fallback;
    }
}
