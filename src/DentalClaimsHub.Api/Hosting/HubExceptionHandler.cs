using System.Text.Json;
using DentalClaimsHub.Api.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>
/// The last line: unreadable request bodies become 400 validation problems naming the JSON path; a database that is
/// briefly unreachable (restarting, failing over, out of connections) a 503 with Retry-After, which clients retry;
/// anything else a 500 Problem Details carrying only the trace id (the exception goes to the log, never to the caller).
/// </summary>
public sealed partial class HubExceptionHandler(IProblemDetailsService problems, ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = bad.InnerException is JsonException json
                ? ValidationErrors.Single(JsonPath.FromSerializerPath(json.Path), JsonErrorMessage(json)).ToProblem()
                : new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
        }
        else if (TransientDatabaseFailure(exception))
        {
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The hub's database could not be reached. Retry the request shortly (with the same Idempotency-Key, where it had one).",
            };
        }
        else
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The hub failed to handle this request. Quote the trace id when you report it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private const string DatabaseRetryAfterSeconds = "5";

    // A lost or refused connection, a server shutting down, too many connections: Npgsql marks those transient. EF may
    // wrap them (a failed save, "a transient failure" from its execution strategy), so the whole chain is looked at.
    private static bool TransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    // The serializer's own message can quote the offending value (PHI); say what was wrong without it.
    private static string JsonErrorMessage(JsonException json) =>
        json.Path is null or "$" ? "The request body is not valid JSON." : "This value has the wrong type or format.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {ExceptionType}; answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
