namespace DentalClaimsHub.X12.Writing;

/// <summary>Hands out control numbers for the envelopes an <see cref="X12EnvelopeWriter"/> writes.</summary>
public interface IControlNumberSource
{
    /// <summary>Returns the next control number for <paramref name="scope"/>: <c>"ISA"</c>, <c>"GS"</c> or <c>"ST"</c>.</summary>
    long Next(string scope);
}
