using System.Collections.Concurrent;

namespace DentalClaimsHub.PayerSimulator.Scenarios;

/// <summary>
/// Chooses the scenario a handler plays. Scenario names are <c>&lt;protocol&gt;.&lt;capability&gt;.&lt;variant&gt;</c>
/// (<c>x12.eligibility.inactive</c>); the first two parts are the scenario's slot. A member-id prefix rule wins over the
/// slot's active scenario, which wins over the default the module registered.
/// </summary>
public sealed class ScenarioSelector
{
    private readonly ConcurrentDictionary<string, string> defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byMemberPrefix = new(StringComparer.Ordinal);

    /// <summary>Names of every scenario the modules registered, sorted.</summary>
    public IReadOnlyList<string> Known => [.. known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Declares a scenario; the first one declared for a slot with <paramref name="isDefault"/> is played by default.</summary>
    public void Register(string scenario, bool isDefault = false)
    {
        var slot = SlotOf(scenario);
        known.TryAdd(scenario, 0);
        if (isDefault)
        {
            defaults.TryAdd(slot, scenario);
        }
    }

    /// <summary>Plays <paramref name="scenario"/> for its slot from now on.</summary>
    public void Use(string scenario) => active[SlotOf(Require(scenario))] = scenario;

    /// <summary>Plays <paramref name="scenario"/> for members whose id starts with <paramref name="memberIdPrefix"/>.</summary>
    public void UseForMemberPrefix(string memberIdPrefix, string scenario)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberIdPrefix);
        byMemberPrefix[memberIdPrefix] = Require(scenario);
    }

    /// <summary>Forgets every <see cref="Use"/> and prefix rule.</summary>
    public void Reset()
    {
        active.Clear();
        byMemberPrefix.Clear();
    }

    /// <summary>The scenario to play for <paramref name="slot"/> (e.g. <c>x12.eligibility</c>) and an optional member id.</summary>
    public string Select(string slot, string? memberId = null)
    {
        if (!string.IsNullOrEmpty(memberId))
        {
            var rule = byMemberPrefix
                .Where(pair => memberId.StartsWith(pair.Key, StringComparison.Ordinal) && SlotOf(pair.Value) == slot)
                .OrderByDescending(pair => pair.Key.Length)
                .Select(pair => pair.Value)
                .FirstOrDefault();
            if (rule is not null)
            {
                return rule;
            }
        }

        return active.TryGetValue(slot, out var chosen) ? chosen
            : defaults.TryGetValue(slot, out var fallback) ? fallback
            : throw new InvalidOperationException($"No scenario registered for '{slot}'.");
    }

    private string Require(string scenario) =>
        known.ContainsKey(scenario)
            ? scenario
            : throw new ArgumentException($"Unknown scenario '{scenario}'. Known: {string.Join(", ", Known)}.", nameof(scenario));

    private static string SlotOf(string scenario)
    {
        var last = scenario.LastIndexOf('.');
        return last > 0 && scenario.IndexOf('.', StringComparison.Ordinal) < last
            ? scenario[..last]
            : throw new ArgumentException($"Scenario '{scenario}' must look like protocol.capability.variant.", nameof(scenario));
    }
}
