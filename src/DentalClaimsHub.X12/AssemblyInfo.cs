namespace DentalClaimsHub.X12;
internal static class AssemblyMarker;
