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

    /// <summary>Every capability's transport must fit its protocol, and the settings it needs must be present.</summary>
    private static void CheckConsistency(YamlMap root, PayerProfile profile)
    {
        foreach (var route in profile.Capabilities.Values)
        {
            var field = $"capabilities.{KebabEnum.ToKebab(route.Capability)}";
            var at = root.StartOf("capabilities");
            if (!TransportFits(route))
            {
                var (transport, protocol) = (KebabEnum.ToKebab(route.Transport), KebabEnum.ToKebab(route.Protocol));
                root.Sink.Add(at, field, $"transport '{transport}' cannot carry protocol '{protocol}'.");
            }

            var missing = MissingSection(root, route);
            if (missing is not null)
            {
                var (protocol, transport) = (KebabEnum.ToKebab(route.Protocol), KebabEnum.ToKebab(route.Transport));
                root.Sink.Add(at, field, $"uses {protocol} over {transport}, so '{missing}' is required.");
            }
        }
    }

    // Judged on the YAML keys rather than the parsed sections, so a section that is present but has its own errors
    // is not reported a second time as missing.
    private static string? MissingSection(YamlMap root, CapabilityRoute route)
    {
        var core = root.Peek("core");
        return route switch
        {
            { Protocol: PayerProtocol.X12 } when !root.Has("x12") => "x12",
            { Transport: PayerTransport.CoreRealtime or PayerTransport.CoreBatch } when core is null && !root.Has("core") => "core",
            { Transport: PayerTransport.CoreRealtime } when core is not null && !core.Has("realtimeUrl") => "core.realtimeUrl",
            { Transport: PayerTransport.CoreBatch } when core is not null && !core.Has("batchUrl") => "core.batchUrl",
            { Transport: PayerTransport.Sftp } when !root.Has("sftp") => "sftp",
            { Protocol: PayerProtocol.Fhir } when !root.Has("fhir") => "fhir",
            { Protocol: PayerProtocol.Dms } when !root.Has("dms") => "dms",
            _ => null,
        };
    }

    private static bool TransportFits(CapabilityRoute route) => route.Protocol switch
    {
        PayerProtocol.X12 => route.Transport is PayerTransport.CoreRealtime or PayerTransport.CoreBatch or PayerTransport.FileDrop
            or PayerTransport.Sftp,
        PayerProtocol.Fhir => route.Transport is PayerTransport.FhirRest,
        PayerProtocol.Dms => route.Transport is PayerTransport.Email or PayerTransport.FileDrop,
        _ => false,
    };
}
