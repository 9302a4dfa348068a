using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>Where in the mouth a CDT procedure is reported.</summary>
public enum CdtSite
{
    /// <summary>The hub has no rule for the code: a tooth or an area may be given, or neither.</summary>
    Unrestricted = 0,

    /// <summary>Done on one tooth (or implant site): the tooth number is required and an area of the oral cavity is not used.</summary>
    Tooth,

    /// <summary>Done on a quadrant: the area (10/20/30/40) is required and no tooth number is given.</summary>
    Quadrant,

    /// <summary>Done on an arch: the area (01/02) is required and no tooth number is given.</summary>
    Arch,

    /// <summary>Done for the whole mouth or the patient (exams, cleanings, full-mouth images): no tooth number.</summary>
    NoTooth,
}

/// <summary>
/// The claim-line checks payers reject most often, as data: which CDT codes need a tooth, a quadrant or an arch, which
/// must not carry a tooth, how many surfaces a surface-counted restoration has, and which codes are for anterior or
/// posterior teeth only. Codes the table does not name are not restricted. (Codes only; the ADA's descriptors are not
/// reproduced.)
/// </summary>
public static class CdtSiteRules
{
    // Ranges are inclusive; the first match wins, so exceptions come before the range they sit in.
    private static readonly (int From, int To, CdtSite Site)[] Sites =
    [
        (120, 180, CdtSite.NoTooth), // periodic, limited, comprehensive and periodontal evaluations
        (210, 210, CdtSite.NoTooth), // complete intraoral image series
        (270, 277, CdtSite.NoTooth), // bitewings
        (330, 330, CdtSite.NoTooth), // panoramic image
        (1110, 1120, CdtSite.NoTooth), // prophylaxis
        (1206, 1208, CdtSite.NoTooth), // topical fluoride
        (2000, 2999, CdtSite.Tooth), // restorations, crowns, inlays, onlays, posts and cores
        (3000, 3999, CdtSite.Tooth), // endodontics
        (4210, 4211, CdtSite.Quadrant), // gingivectomy / gingivoplasty per quadrant
        (4240, 4241, CdtSite.Quadrant), // gingival flap per quadrant
        (4249, 4249, CdtSite.Tooth), // clinical crown lengthening
        (4260, 4261, CdtSite.Quadrant), // osseous surgery per quadrant
        (4341, 4342, CdtSite.Quadrant), // scaling and root planing per quadrant
        (4346, 4346, CdtSite.NoTooth), // scaling in the presence of inflammation, full mouth
        (4355, 4355, CdtSite.NoTooth), // full mouth debridement
        (4910, 4910, CdtSite.NoTooth), // periodontal maintenance
        (5110, 5140, CdtSite.Arch), // complete dentures
        (5211, 5228, CdtSite.Arch), // partial dentures
        (6190, 6190, CdtSite.Unrestricted), // implant index
        (6010, 6199, CdtSite.Tooth), // implant services, per site
        (6999, 6999, CdtSite.Unrestricted), // unspecified fixed prosthodontic procedure
        (6200, 6998, CdtSite.Tooth), // fixed partial denture pontics and retainers
        (7111, 7251, CdtSite.Tooth), // extractions
    ];

    // Restorations whose code says how many surfaces they cover: (code, fewest, most); most null = "or more".
    private static readonly Dictionary<int, (int Min, int? Max)> SurfaceCounts = new()
    {
        [2140] = (1, 1), [2150] = (2, 2), [2160] = (3, 3), [2161] = (4, null), // amalgam
        [2330] = (1, 1), [2331] = (2, 2), [2332] = (3, 3), // resin-based composite, anterior
        [2391] = (1, 1), [2392] = (2, 2), [2393] = (3, 3), [2394] = (4, null), // resin-based composite, posterior
        [2510] = (1, 1), [2520] = (2, 2), [2530] = (3, null), // metallic inlays
        [2542] = (2, 2), [2543] = (3, 3), [2544] = (4, null), // metallic onlays
        [2610] = (1, 1), [2620] = (2, 2), [2630] = (3, null), // porcelain/ceramic inlays
        [2642] = (2, 2), [2643] = (3, 3), [2644] = (4, null), // porcelain/ceramic onlays
        [2650] = (1, 1), [2651] = (2, 2), [2652] = (3, null), // resin-based composite inlays
        [2662] = (2, 2), [2663] = (3, 3), [2664] = (4, null), // resin-based composite onlays
    };

    /// <summary>Where <paramref name="code"/> is done.</summary>
    public static CdtSite SiteOf(CdtCode code)
    {
        var number = code.Number;
        foreach (var (from, to, site) in Sites)
        {
            if (number >= from && number <= to)
            {
                return site;
            }
        }

        return CdtSite.Unrestricted;
    }

    /// <summary>The surfaces a surface-counted restoration must have (fewest, most or null for "or more"); null for other codes.</summary>
    public static (int Min, int? Max)? SurfaceCountOf(CdtCode code) => SurfaceCounts.TryGetValue(code.Number, out var count) ? count : null;

    /// <summary>True for codes reported on anterior teeth only (anterior composites), false for posterior only, else null.</summary>
    public static bool? AnteriorOnly(CdtCode code) => code.Number switch
    {
        >= 2330 and <= 2335 => true,
        >= 2391 and <= 2394 => false,
        _ => null,
    };

    /// <summary>Canines and incisors, permanent or primary (positions 1–3 in their quadrant).</summary>
    public static bool IsAnterior(ToothNumber tooth) => tooth.Position <= 3;

    /// <summary>
    /// Every way the line breaks the site rules, as violations on <paramref name="path"/> (<c>lines[n]</c>). Lines coded
    /// in another system than CDT are not checked here.
    /// </summary>
    public static IEnumerable<ClaimRuleViolation> Check(ClaimLine line, string path)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Procedure.System != ProcedureCodeSystem.Cdt)
        {
            yield break;
        }

        var code = line.Procedure.AsCdt();
        var site = SiteOf(code);
        if (site == CdtSite.Tooth && line.Tooth is null)
        {
            yield return new($"{path}.tooth", $"{code} is done on a tooth: give the tooth number.") { Rule = ClaimRules.ToothNeeded, Args = [$"{code}"] };
        }

        if (site is (CdtSite.Quadrant or CdtSite.Arch or CdtSite.NoTooth) && line.Tooth is not null)
        {
            yield return new($"{path}.tooth", site switch
            {
                CdtSite.Quadrant => $"{code} is done per quadrant: give the area, not a tooth number.",
                CdtSite.Arch => $"{code} is done per arch: give the area, not a tooth number.",
                _ => $"{code} is not done on one tooth: leave the tooth number out.",
            })
            {
                Rule = site switch { CdtSite.Quadrant => ClaimRules.QuadrantNotTooth, CdtSite.Arch => ClaimRules.ArchNotTooth, _ => ClaimRules.NoTooth },
                Args = [$"{code}"],
            };
        }

        if (site == CdtSite.Quadrant && line.Area?.ToQuadrant() is null)
        {
            yield return new($"{path}.area", $"{code} is done per quadrant: give the area 10, 20, 30 or 40.") { Rule = ClaimRules.QuadrantNeeded, Args = [$"{code}"] };
        }

        if (site == CdtSite.Arch && line.Area is not (OralCavityArea.Maxillary or OralCavityArea.Mandibular))
        {
            yield return new($"{path}.area", $"{code} is done per arch: give the area 01 (upper) or 02 (lower).") { Rule = ClaimRules.ArchNeeded, Args = [$"{code}"] };
        }

        if (line.Tooth is { } tooth)
        {
            foreach (var violation in CheckTooth(line, code, tooth, path))
            {
                yield return violation;
            }
        }
    }

    private static IEnumerable<ClaimRuleViolation> CheckTooth(ClaimLine line, CdtCode code, ToothNumber tooth, string path)
    {
        var anterior = IsAnterior(tooth);
        if (AnteriorOnly(code) is { } anteriorCode && anteriorCode != anterior)
        {
            yield return new($"{path}.tooth",
                $"{code} is for {(anteriorCode ? "anterior" : "posterior")} teeth; tooth {tooth} is {(anterior ? "anterior" : "posterior")}.")
            {
                Rule = anteriorCode ? ClaimRules.AnteriorOnly : ClaimRules.PosteriorOnly, Args = [$"{code}", $"{tooth}"],
            };
        }

        if (anterior && line.Surfaces.Contains(Surface.Occlusal))
        {
            yield return new($"{path}.surfaces", $"Tooth {tooth} is anterior: it has no occlusal (O) surface; use I for incisal.")
            {
                Rule = ClaimRules.AnteriorOcclusal, Args = [$"{tooth}"],
            };
        }

        if (!anterior && line.Surfaces.Contains(Surface.Incisal))
        {
            yield return new($"{path}.surfaces", $"Tooth {tooth} is posterior: it has no incisal (I) surface; use O for occlusal.")
            {
                Rule = ClaimRules.PosteriorIncisal, Args = [$"{tooth}"],
            };
        }

        if (SurfaceCountOf(code) is var (min, max) && (line.Surfaces.Count < min || line.Surfaces.Count > (max ?? int.MaxValue)))
        {
            var expected = max is null ? $"{min} or more surfaces" : min == 1 ? "one surface" : $"{min} surfaces";
            yield return new($"{path}.surfaces", $"{code} is a restoration of {expected}; the line gives {line.Surfaces.Count} ({line.Surfaces}).")
            {
                Rule = ClaimRules.SurfaceCount, Args = [$"{code}", $"{min}", max is null ? "" : $"{max}", $"{line.Surfaces.Count}", $"{line.Surfaces}"],
            };
        }
    }
}
