namespace ComplaintDesk.Web.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The monthly report, its exports and the job that mails it to managers.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MonthlyReportQueries>();
        services.AddScoped<MonthlyReportService>();
        services.AddOptions<ReportSnapshotOptions>().Bind(configuration.GetSection(ReportSnapshotOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ComplaintExport>();
        services.AddOptions<ReportMailOptions>().Bind(configuration.GetSection(ReportMailOptions.SectionName))
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1), "Reports:Mail:CheckInterval must be at least one second.")
            .ValidateOnStart();
        services.AddSingleton<MonthlyReportMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthlyReportMailer>());
        return services;
    }
}
