using DentalClaimsHub.PayerSimulator.Hosting;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>Picks SOAP or MIME by Content-Type and reads the envelope, or explains why it cannot.</summary>
internal static class CoreRequestParser
{
    public static (CoreEnvelope? Envelope, SimulatorResponse? Error) Parse(SimulatorRequest request)
    {
        var soap = !request.ContentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        try
        {
            var envelope = soap ? SoapEnvelopeReader.Read(request.Body) : MimeEnvelopeReader.Read(request.ContentType, request.Body);
            return (envelope, null);
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or FormatException or IOException or InvalidDataException)
        {
            var message = "The CORE envelope could not be read: " + exception.Message;
            return (null, CoreResponseWriter.Error(soap, CoreErrorCodes.EnvelopeIllegal, message));
        }
    }

    /// <summary>Reads and validates; on success the envelope, otherwise the fault/400 to answer with.</summary>
    public static (CoreEnvelope? Envelope, SimulatorResponse? Error) ParseAndValidate(
        SimulatorRequest request, string processingMode, IReadOnlySet<string> payloadTypes, CoreCredentials credentials)
    {
        var (envelope, error) = Parse(request);
        if (envelope is null)
        {
            return (null, error);
        }

        var problem = CoreEnvelopeValidator.Validate(envelope, processingMode, payloadTypes, credentials);
        return problem is { } p ? (null, CoreResponseWriter.Error(envelope.IsSoap, p.Code, p.Message)) : (envelope, null);
    }
}
