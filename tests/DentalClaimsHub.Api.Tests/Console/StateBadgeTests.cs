using System.Globalization;
using Bunit;
using DentalClaimsHub.Api.AdminConsole.Components.Shared;
using DentalClaimsHub.Domain.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>bUnit: the state badge says the state in the user's language and keeps the invariant name for styling.</summary>
public sealed class StateBadgeTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public StateBadgeTests() => _context.Services.AddLocalization();

    [Theory]
    [InlineData("en", ClaimState.Rejected, "Rejected")]
    [InlineData("ru", ClaimState.Rejected, "Отклонена")]
    [InlineData("en", ClaimState.PartiallyPaid, "Partially paid")]
    [InlineData("ru", ClaimState.PartiallyPaid, "Оплачена частично")]
    public void It_translates_the_state(string culture, ClaimState state, string text)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var badge = _context.Render<StateBadge>(p => p.Add(b => b.State, state));
        var span = badge.Find("span");
        Assert.Equal(text, span.TextContent);
        Assert.Equal(state.ToString(), span.GetAttribute("data-state"));
        Assert.Contains("state-" + state.ToString().ToLowerInvariant(), span.ClassList);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }
}
