using System.Globalization;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;
using Item = Hl7.Fhir.Model.Claim.ItemComponent;
using Money = DentalClaimsHub.Domain.Values.Money;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>One <c>Claim.item</c> per claim line (X12 2400): code, date, tooth or area, surfaces, units and charge.</summary>
internal static class FhirClaimItems
{
    public static Item Item(ClaimLine line, bool predetermination, bool hasCareTeam, IReadOnlyList<int> informationSequence, string placeOfService)
    {
        var item = new Item
        {
            Sequence = line.LineNumber,
            ProductOrService = Procedure(line),
            Quantity = new Quantity { Value = line.Units },
            Net = FhirMoney.Of(line.Fee),
        };
        if (hasCareTeam)
        {
            item.CareTeamSequence = [1];
        }

        item.DiagnosisSequence = [.. line.DiagnosisPointers];
        item.InformationSequence = [.. informationSequence];
        // A predetermination asks about treatment not yet done: no date of service (837D omits DTP*472 too).
        if (!predetermination && line.ServiceDate is { } date)
        {
            item.Serviced = new Date(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (line.Procedure.System == ProcedureCodeSystem.Cdt)
        {
            item.Location = new CodeableConcept(FhirClaimSystems.PlaceOfService, placeOfService);
        }

        // The fee covers all units; a unit price is sent only when it divides exactly, so quantity × unitPrice = net holds.
        if (UnitPrice(line.Fee, line.Units) is { } unit)
        {
            item.UnitPrice = FhirMoney.Of(unit);
        }

        if (line.Tooth is { } tooth)
        {
            item.BodySite = FhirOralCodes.Tooth(tooth);
        }
        else if (line.Area is { } area)
        {
            item.BodySite = FhirOralCodes.Area(area);
        }

        item.SubSite.AddRange(FhirOralCodes.Surfaces(line.Surfaces));
        item.Extension.Add(new Extension(FhirClaimSystems.LineControlNumberExtension,
            new Identifier(FhirClaimSystems.LineControlNumber, line.LineControlNumber)));
        if (line.PriorAuthorizationNumber is { } authorization)
        {
            item.Extension.Add(new Extension(FhirClaimSystems.LinePriorAuthorizationExtension, new FhirString(authorization)));
        }

        return item;
    }

    /// <summary>The fee of one unit, when the fee splits into equal cent amounts.</summary>
    public static Money? UnitPrice(Money fee, int units)
    {
        if (units == 1)
        {
            return fee;
        }

        var unit = Money.RoundAmount(fee.Amount / units);
        return unit * units == fee.Amount ? new Money(unit, fee.Currency) : null;
    }

    private static CodeableConcept Procedure(ClaimLine line)
    {
        if (line.Procedure.System == ProcedureCodeSystem.Cdt)
        {
            // CDT descriptors are the ADA's: the code travels alone.
            return new CodeableConcept(Eligibility.FhirSystems.Cdt, line.Procedure.Code);
        }

        var concept = new CodeableConcept(FhirClaimSystems.Nomenclature804n, line.Procedure.Code);
        if (line.Description is { } description)
        {
            concept.Text = description;
        }

        return concept;
    }
}
