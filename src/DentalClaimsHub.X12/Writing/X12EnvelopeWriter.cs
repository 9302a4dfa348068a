using System.Globalization;

namespace DentalClaimsHub.X12.Writing;

/// <summary>
/// Writes ISA/GS/ST … SE/GE/IEA envelopes around the segments it is given, counting segments, transaction sets and
/// groups and taking control numbers from an <see cref="IControlNumberSource"/>.
/// </summary>
/// <remarks>SE01 counts ST through SE inclusive; GE01 counts ST segments; IEA01 counts GS segments.</remarks>
public sealed class X12EnvelopeWriter(X12Writer writer, IControlNumberSource controlNumbers, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long? _interchange;
    private long? _group;
    private string? _transaction;
    private int _groups;
    private int _transactions;
    private int _segments;

    /// <summary>Writes the ISA and returns its control number (ISA13).</summary>
    public long BeginInterchange(X12InterchangeHeader header)
    {
        Require(_interchange is null, "an interchange is already open");
        var number = controlNumbers.Next("ISA");
        writer.Write(IsaSegmentBuilder.Build(header, writer.Delimiters, number, _time.GetUtcNow()));
        _interchange = number;
        _groups = 0;
        return number;
    }

    /// <summary>Writes a GS (GS01 functional id, GS02/GS03 application codes, GS08 version) and returns GS06.</summary>
    public long BeginGroup(string functionalId, string senderCode, string receiverCode, string version)
    {
        Require(_interchange is not null && _group is null, "a group needs an open interchange and no open group");
        var number = controlNumbers.Next("GS");
        var now = _time.GetUtcNow().UtcDateTime;
        writer.WriteSegment("GS", functionalId, senderCode, receiverCode,
            now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), now.ToString("HHmm", CultureInfo.InvariantCulture),
            number.ToString(CultureInfo.InvariantCulture), "X", version);
        _group = number;
        _groups++;
        _transactions = 0;
        return number;
    }

    /// <summary>Writes an ST (ST01 type, ST03 implementation reference when given) and returns ST02.</summary>
    public string BeginTransaction(string transactionSetId, string? implementationReference = null)
    {
        Require(_group is not null && _transaction is null, "a transaction set needs an open group and no open transaction set");
        var number = controlNumbers.Next("ST").ToString("D4", CultureInfo.InvariantCulture);
        if (implementationReference is null)
        {
            writer.WriteSegment("ST", transactionSetId, number);
        }
        else
        {
            writer.WriteSegment("ST", transactionSetId, number, implementationReference);
        }

        _transaction = number;
        _transactions++;
        _segments = 1;
        return number;
    }

    /// <summary>Writes a body segment of the open transaction set (or a TA1 directly inside the interchange).</summary>
    public void Write(X12Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        Require(segment.Id is not ("ISA" or "IEA" or "GS" or "GE" or "ST" or "SE"), $"{segment.Id} is written by the envelope methods");
        Require(_transaction is not null || (segment.Id == "TA1" && _interchange is not null && _group is null),
            "body segments need an open transaction set");
        writer.Write(segment);
        if (_transaction is not null)
        {
            _segments++;
        }
    }

    /// <summary>Writes a body segment from an id and raw element texts.</summary>
    public void Write(string id, params string[] elements) => Write(X12Segment.Create(writer.Delimiters, id, elements));

    /// <summary>Writes the SE with the segment count (ST..SE inclusive).</summary>
    public void EndTransaction()
    {
        Require(_transaction is not null, "no transaction set is open");
        writer.WriteSegment("SE", (_segments + 1).ToString(CultureInfo.InvariantCulture), _transaction!);
        _transaction = null;
    }

    /// <summary>Writes the GE with the number of transaction sets.</summary>
    public void EndGroup()
    {
        Require(_group is not null && _transaction is null, "no group is open, or a transaction set is still open");
        writer.WriteSegment("GE", _transactions.ToString(CultureInfo.InvariantCulture),
            _group!.Value.ToString(CultureInfo.InvariantCulture));
        _group = null;
    }

    /// <summary>Writes the IEA with the number of groups.</summary>
    public void EndInterchange()
    {
        Require(_interchange is not null && _group is null, "no interchange is open, or a group is still open");
        writer.WriteSegment("IEA", _groups.ToString(CultureInfo.InvariantCulture),
            _interchange!.Value.ToString("D9", CultureInfo.InvariantCulture));
        _interchange = null;
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Envelope order violated: {reason}.");
        }
    }
}
