using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>The code system a procedure code belongs to.</summary>
public enum ProcedureCodeSystem
{
    /// <summary>ADA Current Dental Terminology (US).</summary>
    Cdt = 1,

    /// <summary>Russian nomenclature of medical services, приказ № 804н.</summary>
    Nomenclature804n = 2,
}

/// <summary>
/// A procedure code qualified by its system: a CDT code for US payers or an 804н code for ДМС insurers.
/// <see cref="Code"/> is always in the normalised form of its system.
/// </summary>
public readonly record struct ProcedureCode
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Validates like <see cref="Create"/>, throwing the same way; lets serializers rebuild the value from its properties.</summary>
    [JsonConstructor]
    public ProcedureCode(ProcedureCodeSystem system, string code) => this = Create(system, code);

    public ProcedureCodeSystem System { get; private init; }

    /// <summary>The normalised code: "D2391", "A16.07.002".</summary>
    public string Code { get; private init; }

    public static ProcedureCode Cdt(CdtCode code) => new() { System = ProcedureCodeSystem.Cdt, Code = code.Value };

    public static ProcedureCode Nomenclature(NomenclatureCode code) => new() { System = ProcedureCodeSystem.Nomenclature804n, Code = code.Value };

    /// <summary>Validates and normalises <paramref name="code"/> in <paramref name="system"/>; throws <see cref="DomainException"/>.</summary>
    public static ProcedureCode Create(ProcedureCodeSystem system, string? code) => system switch
    {
        ProcedureCodeSystem.Cdt => Cdt(CdtCode.Parse(code)),
        ProcedureCodeSystem.Nomenclature804n => Nomenclature(NomenclatureCode.Parse(code)),
        _ => throw new DomainException($"Procedure code system '{system}' is not supported.", nameof(system)),
    };

    /// <summary>Like <see cref="Create"/> but returns false instead of throwing.</summary>
    public static bool TryCreate(ProcedureCodeSystem system, [NotNullWhen(true)] string? code, out ProcedureCode procedure)
    {
        procedure = default;
        switch (system)
        {
            case ProcedureCodeSystem.Cdt when CdtCode.TryParse(code, out var cdt):
                procedure = Cdt(cdt);
                return true;
            case ProcedureCodeSystem.Nomenclature804n when NomenclatureCode.TryParse(code, out var nomenclature):
                procedure = Nomenclature(nomenclature);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Recognises the system from the shape of the code: "D0120" is CDT, "A16.07.002" is 804н.</summary>
    public static bool TryParseAny([NotNullWhen(true)] string? code, out ProcedureCode procedure) =>
        TryCreate(ProcedureCodeSystem.Cdt, code, out procedure) || TryCreate(ProcedureCodeSystem.Nomenclature804n, code, out procedure);

    /// <summary>The code as a CDT code; throws when the system is not CDT.</summary>
    public CdtCode AsCdt() =>
        System == ProcedureCodeSystem.Cdt ? CdtCode.Parse(Code) : throw new InvalidOperationException($"'{Code}' is not a CDT code.");

    /// <summary>The code as an 804н code; throws when the system is not 804н.</summary>
    public NomenclatureCode AsNomenclature() =>
        System == ProcedureCodeSystem.Nomenclature804n
            ? NomenclatureCode.Parse(Code)
            : throw new InvalidOperationException($"'{Code}' is not an 804н code.");

    public override string ToString() => Code ?? string.Empty;
}
