namespace DentalClaimsHub.X12.Schemas;

/// <summary>A schema file is malformed. Raised while loading schemas, never while reading X12 input.</summary>
public sealed class X12SchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public X12SchemaException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
