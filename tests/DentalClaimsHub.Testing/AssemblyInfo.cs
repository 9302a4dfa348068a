namespace DentalClaimsHub.Testing;
