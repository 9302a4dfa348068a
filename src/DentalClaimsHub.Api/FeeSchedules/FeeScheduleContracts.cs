namespace DentalClaimsHub.Api.FeeSchedules;

/// <summary>
/// A fee schedule: the practice's own fees (no <c>payerId</c>) or one payer's allowed amounts (its network contract).
/// PUT replaces the whole schedule.
/// </summary>
public sealed record FeeScheduleRequest
{
    /// <example>Usual fees 2026</example>
    public string? Name { get; init; }

    /// <example>USD</example>
    public string? Currency { get; init; }

    /// <summary>Set for a payer's allowed amounts; omit for the practice's own fees.</summary>
    public string? PayerId { get; init; }

    /// <example>2026-01-01</example>
    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public IReadOnlyList<FeeRequest>? Fees { get; init; }
}

public sealed record FeeRequest
{
    /// <example>D0120</example>
    public string? Code { get; init; }

    /// <example>65.00</example>
    public decimal? Amount { get; init; }
}

public sealed record FeeDto(string Code, decimal Amount);

public sealed record FeeScheduleResponse(
    Guid Id,
    string Name,
    string Currency,
    string? PayerId,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyList<FeeDto> Fees,
    DateTimeOffset UpdatedAt);
