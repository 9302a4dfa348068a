namespace DentalClaimsHub.Adapters;
internal static class AssemblyMarker;
