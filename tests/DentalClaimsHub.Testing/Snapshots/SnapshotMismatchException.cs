namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>A snapshot did not match its verified file, or the verified file is missing.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
