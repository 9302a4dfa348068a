namespace DentalClaimsHub.Storage;
internal static class AssemblyMarker;
