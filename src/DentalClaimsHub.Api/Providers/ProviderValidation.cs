using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Providers;

public static class ProviderValidation
{
    /// <summary>Builds the provider identity of an inline request object at <paramref name="path"/>, or null with errors.</summary>
    public static ProviderIdentity? TryCreate(ProviderRequest request, string path, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = errors.Count;
        Npi? npi = null;
        if (!string.IsNullOrWhiteSpace(request.Npi))
        {
            if (Npi.TryParse(request.Npi, out var parsed))
            {
                npi = parsed;
            }
            else
            {
                errors.Add(path.Property("npi"), "Not a valid NPI (10 digits with a Luhn check digit).");
            }
        }

        var isPerson = !string.IsNullOrWhiteSpace(request.LastName) || !string.IsNullOrWhiteSpace(request.FirstName);
        var isOrganization = !string.IsNullOrWhiteSpace(request.OrganizationName);
        if (isPerson == isOrganization)
        {
            errors.Add(path.Property("organizationName"), "Give either organizationName or lastName and firstName.");
            return null;
        }

        if (isPerson)
        {
            errors.Required(path.Property("lastName"), request.LastName).Required(path.Property("firstName"), request.FirstName);
        }

        errors.MaxLength(path.Property("organizationName"), request.OrganizationName, 60)
            .MaxLength(path.Property("lastName"), request.LastName, 60).MaxLength(path.Property("firstName"), request.FirstName, 35);
        if (errors.Count != before)
        {
            return null;
        }

        return errors.Try(path, () => new ProviderIdentity(
            npi,
            organizationName: request.OrganizationName?.Trim(),
            person: isPerson ? new PersonName(request.LastName!.Trim(), request.FirstName!.Trim()) : null,
            taxonomyCode: string.IsNullOrWhiteSpace(request.TaxonomyCode) ? null : request.TaxonomyCode.Trim()));
    }
}
