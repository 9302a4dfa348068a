namespace DentalClaimsHub.Benchmarks.Generation;

/// <summary>Deterministic, realistic-looking dental data for the generators (fictional people and plans).</summary>
internal static class DentalData
{
    public static readonly string[] LastNames =
        ["MORALES", "NGUYEN", "OKAFOR", "LINDQVIST", "PETROV", "HASSAN", "OBRIEN", "TANAKA", "GARCIA", "KOWALSKI", "SINGH", "MEYER"];

    public static readonly string[] FirstNames =
        ["ELENA", "MARCUS", "AMARA", "JONAS", "IRINA", "OMAR", "SIOBHAN", "KENJI", "LUCIA", "PIOTR", "PRIYA", "HANNAH"];

    public static readonly string[] Streets = ["BIRCHWOOD LANE", "MAPLE AVENUE", "LAKESHORE DRIVE", "ORCHARD ROAD", "MILL STREET"];

    /// <summary>CDT procedure, fee, tooth (empty when the code is not tooth-specific), surfaces.</summary>
    public static readonly (string Code, decimal Fee, string Tooth, string Surfaces)[] Procedures =
    [
        ("D0120", 58m, "", ""),
        ("D0274", 72m, "", ""),
        ("D1110", 112m, "", ""),
        ("D2392", 185m, "30", "M:O"),
        ("D2391", 160m, "19", "O"),
        ("D2740", 1210m, "8", ""),
        ("D3330", 1095m, "3", ""),
        ("D4341", 245m, "", ""),
        ("D7140", 165m, "17", ""),
    ];

    public static string Pick(string[] values, int i) => values[i % values.Length];
}
