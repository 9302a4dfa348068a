namespace DentalClaimsHub.Adapters.X12.Claims;

/// <summary>
/// What keeps a claim from being written as an 837D (<see cref="Claim837Checks"/>), each with a code for the claim's timeline
/// (<c>x12-unbuildable</c> carries them as values) and the English the refusal has always given.
/// </summary>
public static class Claim837Problems
{
    public const string PracticeNpi = "practice-npi";

    public const string PracticeTaxId = "practice-tax-id";

    public const string PracticeAddress = "practice-address";

    public const string DependentAddress = "dependent-address";

    public const string RenderingNpi = "rendering-npi";

    public const string NoLines = "no-lines";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All = [PracticeNpi, PracticeTaxId, PracticeAddress, DependentAddress, RenderingNpi, NoLines];

    /// <summary>The English of each code, as the refusal lists it.</summary>
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PracticeNpi] = "the practice has no NPI (2010AA NM109)",
        [PracticeTaxId] = "the practice has no tax id (2010AA REF*EI)",
        [PracticeAddress] = "the practice has no billing address (2010AA N3/N4)",
        [DependentAddress] = "the patient, a dependent, has no address (2010CA N3/N4)",
        [RenderingNpi] = "the rendering provider has no NPI (2310B NM109)",
        [NoLines] = "the claim has no lines (2400)",
    };
}
