namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal static partial class PayerProfileReader
{
    private static Dictionary<PayerCapability, CapabilityRoute> ReadCapabilities(YamlMap root)
    {
        var routes = new Dictionary<PayerCapability, CapabilityRoute>();
        var map = root.Map("capabilities", required: true);
        if (map is null)
        {
            return routes;
        }

        foreach (var capability in Enum.GetValues<PayerCapability>())
        {
            var entry = map.Map(KebabEnum.ToKebab(capability));
            if (entry is null)
            {
                continue;
            }

            var protocol = entry.Enum<PayerProtocol>("protocol", required: true);
            var transport = entry.Enum<PayerTransport>("transport", required: true);
            entry.RejectUnknownFields();
            if (protocol is { } p && transport is { } t)
            {
                routes[capability] = new CapabilityRoute(capability, p, t);
            }
        }

        map.RejectUnknownFields();
        if (routes.Count == 0 && !map.Sink.HasErrors)
        {
            root.Sink.Add(root.StartOf("capabilities"), "capabilities", "a payer must offer at least one capability.");
        }

        return routes;
    }

    /// <summary>Every protocol and transport in use must have its settings section, and vice versa for the kind.</summary>
    private static void CheckConsistency(YamlMap root, PayerProfile profile)
    {
        foreach (var route in profile.Capabilities.Values)
        {
            var field = $"capabilities.{KebabEnum.ToKebab(route.Capability)}";
            var at = root.StartOf("capabilities");
            if (!TransportFits(route))
            {
                root.Sink.Add(at, field, $"transport '{KebabEnum.ToKebab(route.Transport)}' cannot carry protocol '{KebabEnum.ToKebab(route.Protocol)}'.");
            }

            var missing = route switch
            {
                { Protocol: PayerProtocol.X12 } when profile.X12 is null => "x12",
                { Transport: PayerTransport.CoreRealtime } when profile.Core?.RealtimeUrl is null => "core.realtimeUrl",
                { Transport: PayerTransport.CoreBatch } when profile.Core?.BatchUrl is null => "core.batchUrl",
                { Protocol: PayerProtocol.Fhir } when profile.Fhir is null => "fhir",
                { Protocol: PayerProtocol.Dms } when profile.Dms is null => "dms",
                _ => null,
            };
            if (missing is not null && !root.Sink.HasErrors)
            {
                root.Sink.Add(at, field, $"uses {KebabEnum.ToKebab(route.Protocol)} over {KebabEnum.ToKebab(route.Transport)}, so '{missing}' is required.");
            }
        }
    }

    private static bool TransportFits(CapabilityRoute route) => route.Protocol switch
    {
        PayerProtocol.X12 => route.Transport is PayerTransport.CoreRealtime or PayerTransport.CoreBatch or PayerTransport.FileDrop,
        PayerProtocol.Fhir => route.Transport is PayerTransport.FhirRest,
        PayerProtocol.Dms => route.Transport is PayerTransport.Email or PayerTransport.FileDrop,
        _ => false,
    };
}
