using System.Globalization;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>The classification questions as a form block; <see cref="Prefix"/> keeps names and ids unique on a page.</summary>
public sealed record FactsFields(string Prefix, FactsInput Input)
{
    public string Id(string field) => $"{Prefix}_{field}";

    public string Name(string field) => $"{Prefix}.{field}";
}

/// <summary>What the desk pages share: validation errors beside fields, local times.</summary>
public static class DeskForms
{
    /// <summary>Puts the workflow's errors beside the fields of the form named <paramref name="prefix"/>.</summary>
    public static void AddErrors(ModelStateDictionary modelState, InputValidationException exception, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var (field, messages) in exception.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(field) ? prefix : $"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>The first error of a field, or null.</summary>
    public static string? ErrorOf(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    public static string Local(this CompanyCalendar calendar, DateTime? utc) =>
        utc is { } value ? calendar.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
