using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Api.Patients;

/// <summary>Checks a patient request field by field; every problem is reported with its JSON path.</summary>
public static class PatientValidation
{
    public static (PersonName? Name, DateOnly BirthDate, Sex Sex, Address? Address) Validate(PatientRequest request, ValidationErrors errors,
        TimeProvider time)
    {
        var name = ValidateName(request.Name, JsonPath.Root.Property("name"), errors);
        var birthDate = ValidateBirthDate(request.BirthDate, JsonPath.Root.Property("birthDate"), errors, time);
        var sex = ParseSex(request.Sex, JsonPath.Root.Property("sex"), errors);
        var address = ValidateAddress(request.Address, JsonPath.Root.Property("address"), errors);
        errors.MaxLength("$.phone", request.Phone, 40).MaxLength("$.email", request.Email, 200).MaxLength("$.externalId", request.ExternalId, 100);
        if (request.Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add("$.email", "Not an e-mail address.");
        }

        return (name, birthDate, sex, address);
    }

    /// <summary>Validates a request and builds the patient; null (with errors) when the request is not acceptable.</summary>
    public static Patient? TryCreate(Guid practiceId, PatientRequest request, ValidationErrors errors, TimeProvider time)
    {
        var (name, birthDate, sex, address) = Validate(request, errors, time);
        if (!errors.IsEmpty || name is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return errors.Try(JsonPath.Root, () => Patient.Create(practiceId, name, birthDate, sex, now, address, Blank(request.Phone),
            Blank(request.Email), Blank(request.ExternalId), Guid.CreateVersion7(now)));
    }

    public static PersonName? ValidateName(PersonNameDto? dto, string path, ValidationErrors errors)
    {
        if (dto is null)
        {
            errors.Add(path, "This field is required.");
            return null;
        }

        errors.Required(path.Property("last"), dto.Last).MaxLength(path.Property("last"), dto.Last, 100)
            .Required(path.Property("first"), dto.First).MaxLength(path.Property("first"), dto.First, 100)
            .MaxLength(path.Property("middle"), dto.Middle, 100).MaxLength(path.Property("suffix"), dto.Suffix, 20);
        if (string.IsNullOrWhiteSpace(dto.Last) || string.IsNullOrWhiteSpace(dto.First))
        {
            return null;
        }

        return errors.Try(path, () => new PersonName(dto.Last.Trim(), dto.First.Trim(), Blank(dto.Middle), Blank(dto.Suffix)));
    }

    public static DateOnly ValidateBirthDate(DateOnly? value, string path, ValidationErrors errors, TimeProvider time)
    {
        if (value is not { } date)
        {
            errors.Add(path, "This field is required.");
            return default;
        }

        if (date > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)))
        {
            errors.Add(path, "A birth date cannot be in the future.");
        }
        else if (date.Year < 1900)
        {
            errors.Add(path, "A birth date before 1900 is not plausible.");
        }

        return date;
    }

    public static Sex ParseSex(string? value, string path, ValidationErrors errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "female" or "f":
                return Sex.Female;
            case "male" or "m":
                return Sex.Male;
            case "unknown" or "u":
                return Sex.Unknown;
            case null or "":
                errors.Add(path, "This field is required: female, male or unknown.");
                return Sex.Unknown;
            default:
                errors.Add(path, "Must be female, male or unknown.");
                return Sex.Unknown;
        }
    }

    private static Address? ValidateAddress(AddressDto? dto, string path, ValidationErrors errors)
    {
        if (dto is null)
        {
            return null;
        }

        errors.Required(path.Property("line1"), dto.Line1).Required(path.Property("city"), dto.City)
            .Required(path.Property("postalCode"), dto.PostalCode).Required(path.Property("countryCode"), dto.CountryCode);
        if (dto.CountryCode is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            errors.Add(path.Property("countryCode"), "Use the ISO 3166-1 alpha-2 code, e.g. US or RU.");
        }

        if (string.IsNullOrWhiteSpace(dto.Line1) || string.IsNullOrWhiteSpace(dto.City) || string.IsNullOrWhiteSpace(dto.PostalCode)
            || string.IsNullOrWhiteSpace(dto.CountryCode))
        {
            return null;
        }

        return new Address(dto.Line1.Trim(), Blank(dto.Line2), dto.City.Trim(), Blank(dto.Region) ?? "", dto.PostalCode.Trim(),
            dto.CountryCode.Trim().ToUpperInvariant());
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string ToApi(this Sex sex) => sex.ToString().ToLowerInvariant();
}
