using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>An administrator creates colleagues; roles decide what each sees and may do.</summary>
public sealed class ConsoleUsersBrowserTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task An_administrator_creates_an_auditor_who_can_look_but_not_manage_users_or_change_claims()
    {
        await using var adminBrowser = await factory.NewBrowserContextAsync();
        var admin = await adminBrowser.NewPageAsync();
        await SignInAsync(admin, ConsoleBrowserFactory.AdminUser, ConsoleBrowserFactory.AdminPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Console users");
        var name = "audit" + Guid.NewGuid().ToString("N")[..6];
        await admin.Locator("[data-field='new-user-name']").FillAsync(name);
        await admin.Locator("[data-field='new-display-name']").FillAsync("Ada Auditor");
        await admin.Locator("[data-field='new-role']").SelectOptionAsync("auditor");
        await admin.ClickAsync("[data-action='create-user']");
        var password = await admin.Locator("[data-one-time-password]").InnerTextAsync();
        Assert.True(password.Length >= 12);
        await Assertions.Expect(admin.Locator($"tr[data-user='{name}']")).ToContainTextAsync("Ada Auditor");
        await ConsoleBrowserTests.AccessibleAsync(admin, "07-users");

        await using var auditorBrowser = await factory.NewBrowserContextAsync();
        var auditor = await auditorBrowser.NewPageAsync();
        await SignInAsync(auditor, name, password);
        await Assertions.Expect(auditor.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await auditor.GotoAsync("/console/users");
        await Assertions.Expect(auditor.Locator("[data-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("[data-action='create-user']")).ToHaveCountAsync(0);

        // The administrator resets the auditor's password: the old one stops working.
        await admin.Locator($"tr[data-user='{name}'] [data-action='reset']").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-one-time-password]")).Not.ToHaveTextAsync(password);
        await using var again = await factory.NewBrowserContextAsync();
        var retry = await again.NewPageAsync();
        await retry.GotoAsync("/console/login");
        await retry.FillAsync("#username", name);
        await retry.FillAsync("#password", password);
        await retry.ClickAsync("button[type=submit]");
        await Assertions.Expect(retry.Locator("p.error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task What_user_management_refuses_is_said_in_the_users_language()
    {
        var (adminId, adminName) = await ConsolePageTesting.CreateUserAsync(factory, "Руслан Админов", ConsoleRoles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        ConsoleUsers As(Guid user, string role) => new(scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>(),
            factory.Services.GetRequiredService<IDbContextFactory<HubDbContext>>(), ConsolePageTesting.SessionOf(user, role), TimeProvider.System,
            scope.ServiceProvider.GetRequiredService<IStringLocalizer<AdminConsole.ConsoleText>>());
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var admin = As(adminId, ConsoleRoles.Admin);
            var name = "ru" + Guid.NewGuid().ToString("N")[..6];
            Assert.Equal("Неизвестная роль «owner».", (await admin.CreateAsync(name, "Имя", "owner", default)).Error);
            Assert.Equal("Укажите имя, которое увидят коллеги.", (await admin.CreateAsync(name, " ", ConsoleRoles.Billing, default)).Error);
            Assert.Equal("Нельзя отключить самого себя.", (await admin.DisableAsync(adminId, default)).Error);
            Assert.Equal("Нельзя снять роль администратора с самого себя.", (await admin.SetRoleAsync(adminId, ConsoleRoles.Billing, default)).Error);
            Assert.Equal("Такого пользователя нет.", (await admin.UnlockAsync(Guid.NewGuid(), default)).Error);
            // ASP.NET Core Identity's own refusals too.
            Assert.Equal($"Имя пользователя «{adminName}» уже занято.", (await admin.CreateAsync(adminName, "Двойник", ConsoleRoles.Billing, default)).Error);
            Assert.Equal("Неверный пароль.", (await admin.ChangeOwnPasswordAsync("not-my-password", "Another-Password-12", default)).Error);
            Assert.Equal("Управлять пользователями могут только администраторы.", (await As(adminId, ConsoleRoles.Billing).UnlockAsync(adminId, default)).Error);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private Task SignInAsync(IPage page, string user, string password) => ConsolePageTesting.SignInAsync(factory, page, user, password);
}
