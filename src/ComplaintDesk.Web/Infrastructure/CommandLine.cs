using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// Commands run instead of the web server: <c>migrate</c> applies migrations (production SQL Server);
/// <c>create-admin --user NAME</c> creates the first administrator and asks for the password; <c>generate</c> fills
/// the database with generated complaints; <c>search-index</c> builds the search index of existing complaints.
/// </summary>
public static class CommandLine
{
    private static readonly string[] _commands = ["migrate", "create-admin", "generate", "search-index"];

    public static bool IsCommand(string[] args) => args.Length > 0 && _commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args[0])
        {
            case "migrate":
                await services.GetRequiredService<ComplaintDeskDbContext>().Database.MigrateAsync();
                Console.WriteLine("数据库已迁移到最新版本。");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(services, args, Console.In, Console.Out);
            case "generate":
                return await GenerateAsync(services, args);
            case "search-index":
                return await BuildSearchIndexAsync(services);
            default:
                return 2;
        }
    }

    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var userName = ValueOf(args, "--user");
        if (string.IsNullOrWhiteSpace(userName))
        {
            await output.WriteLineAsync("用法：create-admin --user 用户名");
            return 2;
        }

        await services.GetRequiredService<ComplaintDeskDbContext>().Database.MigrateAsync();
        await services.GetRequiredService<DemoData>().EnsureRolesAsync();
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await output.WriteLineAsync($"用户 {userName} 已存在。");
            return 1;
        }

        await output.WriteAsync("密码：");
        var password = ReadSecret(input);
        await output.WriteAsync("再次输入密码：");
        var again = ReadSecret(input);
        if (password != again)
        {
            await output.WriteLineAsync("两次输入的密码不一致。");
            return 1;
        }

        var user = new StaffUser { UserName = userName, DisplayName = userName, IsCompanyWide = true };
        var result = await users.CreateAsync(user, password ?? string.Empty);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync(error.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        await output.WriteLineAsync($"管理员 {userName} 已创建。");
        return 0;
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, string[] args)
    {
        var count = int.TryParse(ValueOf(args, "--complaints"), out var n) && n > 0 ? n : 1_000_000;
        var months = int.TryParse(ValueOf(args, "--months"), out var m) && m is > 0 and <= 120 ? m : 36;
        var projects = int.TryParse(ValueOf(args, "--projects"), out var p) && p is > 0 and <= 10_000 ? p : 200;
        await services.GetRequiredService<ComplaintDeskDbContext>().Database.MigrateAsync();
        var generator = services.GetRequiredService<Tools.DataGenerator>();
        Console.WriteLine($"生成 {count:N0} 件投诉（{months} 个月，{projects} 个项目）……");
        var progress = new ConsoleProgressBar(count);
        var result = await generator.GenerateAsync(count, months, projects, progress);
        Console.WriteLine();
        if (result.Phases is { } phases)
        {
            Console.WriteLine($"生成与编码 {phases.Playing.TotalSeconds:F1} 秒（与写入并行），写入 {phases.Writing.TotalSeconds:F1} 秒，建索引 {phases.Indexing.TotalSeconds:F1} 秒，ANALYZE {phases.Analyzing.TotalSeconds:F1} 秒。");
        }

        Console.WriteLine($"完成：{result.Complaints:N0} 件投诉，{result.TimelineEntries:N0} 条时间线，{result.FollowUps:N0} 条回访，{result.Escalations:N0} 条超时升级记录，{result.Projects} 个项目，用时 {result.Elapsed.TotalSeconds:F1} 秒。");
        return 0;
    }

    /// <summary>
    /// <c>search-index</c>: builds the search index of the complaints already in the database (after the SearchIndex
    /// migration on a database with complaints), with a progress bar; can be stopped and run again.
    /// </summary>
    private static async Task<int> BuildSearchIndexAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<ComplaintDeskDbContext>();
        var total = await db.Complaints.CountAsync();
        if (total == 0)
        {
            Console.WriteLine("没有投诉，无需建立搜索索引。");
            return 0;
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var tokens = await new SearchIndexBuilder(db).RebuildAsync(progress: new ConsoleProgressBar(total));
        Console.WriteLine();
        Console.WriteLine($"搜索索引已建立：{total:N0} 件投诉，{tokens:N0} 个词条，用时 {stopwatch.Elapsed.TotalSeconds:F1} 秒。");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadSecret(TextReader input)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string(chars.ToArray());
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}

/// <summary>A progress bar on the console, drawn synchronously as each batch is written.</summary>
internal sealed class ConsoleProgressBar(int total) : IProgress<int>
{
    public void Report(int value)
    {
        const int width = 40;
        var filled = (int)((long)value * width / total);
        Console.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value:N0}/{total:N0}");
    }
}
