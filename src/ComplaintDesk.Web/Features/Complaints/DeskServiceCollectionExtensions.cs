using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Features.Complaints;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The clerk's desk pages: the repeat-raise finder and Chinese model-binding messages.</summary>
    public static IServiceCollection AddComplaintDeskPages(this IServiceCollection services)
    {
        services.AddScoped<RepeatFinder>();
        services.AddScoped<DeskNames>();
        services.AddSingleton<RegistrationQueue>();
        services.AddScoped<RegistrationWriter>();

        // A value that cannot be read (a letter in a number field, a date that is no date) gets a Chinese
        // message beside the field instead of the framework's English one.
        services.Configure<MvcOptions>(o =>
        {
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => "填写的内容格式不正确。");
            messages.SetValueIsInvalidAccessor(value => "填写的内容格式不正确。");
            messages.SetValueMustBeANumberAccessor(field => "请填写数字。");
            messages.SetValueMustNotBeNullAccessor(value => "此项不能为空。");
            messages.SetMissingBindRequiredValueAccessor(field => "此项必须填写。");
            messages.SetMissingKeyOrValueAccessor(() => "此项必须填写。");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => "填写的内容格式不正确。");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的内容格式不正确。");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
            messages.SetUnknownValueIsInvalidAccessor(field => "填写的内容格式不正确。");
        });
        return services;
    }
}
