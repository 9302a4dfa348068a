using System.Collections.Concurrent;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>
/// One logger per category over Serilog's logger factory, as Microsoft's own factory keeps them. Serilog's makes a new
/// logger on every <see cref="ILoggerFactory.CreateLogger"/>, and ASP.NET Core asks for one on every request (the
/// authentication handler, a typed result): two loggers and their caches per request, for lines mostly below the level.
/// A logger holds only its category and the shared pipeline, so handing out the same one is safe.
/// </summary>
internal sealed class CategoryLoggerCache(ILoggerFactory factory) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (category, inner) => inner.CreateLogger(category), factory);

    public void AddProvider(ILoggerProvider provider) => factory.AddProvider(provider);

    public void Dispose() => factory.Dispose();

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's) in a cache.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        if (registered.ImplementationFactory is not { } create || registered.Lifetime != ServiceLifetime.Singleton)
        {
            throw new InvalidOperationException("Expected Serilog's logger factory, registered as a singleton made by a factory.");
        }

        services.Remove(registered);
        // The container disposes the cache, and the cache the factory it made.
        services.AddSingleton<ILoggerFactory>(provider => new CategoryLoggerCache((ILoggerFactory)create(provider)));
    }
}
