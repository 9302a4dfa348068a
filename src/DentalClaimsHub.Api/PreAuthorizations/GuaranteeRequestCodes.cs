using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Validation;

namespace DentalClaimsHub.Api.PreAuthorizations;

/// <summary>
/// A guarantee-letter request names every planned service by its 804н code and official name, which the insurer matches
/// against the nomenclature. A code outside the hub's dental 804н subset (<c>schemas/dms</c>) would go out with no
/// official name, and the insurer could only refuse the line or ask back; so the plan is refused at the door, each such
/// line under its JSON path with its number and code, rather than being rendered as it came. (A legitimate code the
/// subset lacks is a one-line data change in <c>schemas/dms</c>, not a reason to send unnamed services.)
/// </summary>
internal static class GuaranteeRequestCodes
{
    public static void Check(IReadOnlyList<ClaimLineRequest> lines, DmsReference reference, ValidationErrors errors)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (reference.TryNormaliseService(lines[i].Code, out var code) && !reference.IsKnownService(code))
            {
                errors.Add(JsonPath.Root.Property("lines").Index(i).Property("code"),
                    $"Line {i + 1}: {code} is not in the hub's dental 804н reference, so a guarantee-letter request cannot name it; "
                    + "use a code of the reference (schemas/dms/nomenclature-804n-dental.json) or have it added there.");
            }
        }
    }
}
