namespace DentalClaimsHub.Domain.Patients;

/// <summary>Administrative sex as exchanged with payers (X12 DMG03 F/M/U, FHIR gender, ДМС "Пол").</summary>
public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}
