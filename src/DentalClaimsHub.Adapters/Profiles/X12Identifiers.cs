namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>Envelope identifiers exchanged with an X12 payer (005010 ISA/GS and 2100A NM1*PR).</summary>
public sealed record X12Identifiers
{
    /// <summary>ISA05 — interchange sender id qualifier (e.g. <c>ZZ</c>, <c>30</c>).</summary>
    public required string SenderQualifier { get; init; }

    /// <summary>ISA06 — interchange sender id (ours).</summary>
    public required string SenderId { get; init; }

    /// <summary>ISA07 — interchange receiver id qualifier.</summary>
    public required string ReceiverQualifier { get; init; }

    /// <summary>ISA08 — interchange receiver id (the payer or its clearinghouse).</summary>
    public required string ReceiverId { get; init; }

    /// <summary>GS02 — application sender's code.</summary>
    public required string ApplicationSenderCode { get; init; }

    /// <summary>GS03 — application receiver's code.</summary>
    public required string ApplicationReceiverCode { get; init; }

    /// <summary>Payer primary identifier sent in NM1*PR (NM109).</summary>
    public required string PayerId { get; init; }

    /// <summary>ISA15 — <c>P</c> (production) or <c>T</c> (test).</summary>
    public required char UsageIndicator { get; init; }

    /// <summary>ISA14 — whether we ask the payer for a TA1 interchange acknowledgement.</summary>
    public bool RequestTa1 { get; init; }

    /// <summary>Whether the payer returns 999 functional acknowledgements we should wait for.</summary>
    public bool Expect999 { get; init; } = true;

    /// <summary>
    /// Whether we answer the payer's files (277CA, 277, 835…) with our own 999 — or a TA1 when their envelope is broken or
    /// their ISA14 asks for one. Acknowledgements themselves are never acknowledged.
    /// </summary>
    public bool Send999 { get; init; }
}
