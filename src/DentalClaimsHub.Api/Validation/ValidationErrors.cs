using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DentalClaimsHub.Api.Validation;

/// <summary>Collects field errors keyed by JSON path and turns them into a 400 validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>How many messages have been added; compare before and after validating a part.</summary>
    public int Count => _errors.Values.Sum(messages => messages.Count);

    public static ValidationErrors Single(string path, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(path, message);
        return errors;
    }

    public ValidationErrors Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            _errors[path] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="value"/> is null or blank.</summary>
    public ValidationErrors Required(string path, string? value, string? message = null) =>
        string.IsNullOrWhiteSpace(value) ? Add(path, message ?? "This field is required.") : this;

    public ValidationErrors Required<T>(string path, T? value, string? message = null)
        where T : struct =>
        value is null ? Add(path, message ?? "This field is required.") : this;

    public ValidationErrors MaxLength(string path, string? value, int max) =>
        value is not null && value.Length > max ? Add(path, $"At most {max} characters.") : this;

    /// <summary>Runs a domain factory; its argument exception becomes an error on <paramref name="path"/>.</summary>
    public T? Try<T>(string path, Func<T> factory)
    {
        try
        {
            return factory();
        }
        catch (ArgumentException ex)
        {
            Add(path, ex.Message.Split(" (Parameter", 2)[0]);
            return default;
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToResult() => TypedResults.ValidationProblem(ToDictionary(), title: "The request has invalid fields.");

    public ProblemDetails ToProblem() =>
        new HttpValidationProblemDetails(ToDictionary()) { Status = StatusCodes.Status400BadRequest, Title = "The request has invalid fields." };
}
