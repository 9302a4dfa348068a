namespace DentalClaimsHub.Domain;
internal static class AssemblyMarker;
