using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Api.Patients;

public static class PatientMapping
{
    public static PatientResponse ToResponse(this Patient patient) => new(
        patient.Id,
        patient.Name.ToDto(),
        patient.BirthDate,
        patient.Sex.ToApi(),
        patient.Address is { } a ? new AddressDto
        {
            Line1 = a.Line1, Line2 = a.Line2, City = a.City, Region = a.Region, PostalCode = a.PostalCode, CountryCode = a.CountryCode,
        } : null,
        patient.Phone,
        patient.Email,
        patient.ExternalId,
        patient.CreatedAt,
        patient.UpdatedAt);

    public static PersonNameDto ToDto(this PersonName name) =>
        new() { Last = name.Last, First = name.First, Middle = name.Middle, Suffix = name.Suffix };
}
