using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplaintDesk.Web.Pages.Admin;

/// <summary>Puts FluentValidation failures beside their fields, in Chinese, one message per field.</summary>
public static class AdminForm
{
    public const string InputPrefix = "Input";

    /// <summary>True when the bound input is valid; otherwise ModelState carries the messages.</summary>
    public static bool Check<T>(this ModelStateDictionary modelState, IValidator<T> validator, T input)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(validator);

        // MVC reports text typed into a number field in English; say it in Chinese instead.
        foreach (var entry in modelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add("请输入有效的整数。");
        }

        foreach (var failure in validator.Validate(input).Errors)
        {
            var key = Key(failure.PropertyName);
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(key, failure.ErrorMessage);
        }

        return modelState.IsValid;
    }

    /// <summary>The ModelState key of a property of the page's <c>Input</c>.</summary>
    public static string Key(string propertyName) => $"{InputPrefix}.{propertyName}";

    /// <summary>Trims text and turns blank into null, so that "   " counts as empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
