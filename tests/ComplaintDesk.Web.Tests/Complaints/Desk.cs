using System.Net;
using System.Text.RegularExpressions;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>What the desk tests do through the pages: fill in the intake form, post a move with the page's version.</summary>
internal static partial class Desk
{
    public const int Sunshine = 1;
    public const int JadeLake = 2;
    public const int Golden = 3;

    /// <summary>A complete intake form (阳光花园, topic 1 电梯, A-minor) with <paramref name="overrides"/> applied.</summary>
    public static Dictionary<string, string?> Intake(params (string Field, string? Value)[] overrides)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.ComplainantName"] = "张三",
            ["Input.ComplainantKind"] = "Owner",
            ["Input.Phone"] = "13812341234",
            ["Input.ProjectId"] = "1",
            ["Input.Location"] = "3栋1单元502",
            ["Input.Channel"] = "Phone",
            ["Input.TopicId"] = "1",
            ["Input.Content"] = "电梯经常停运，物业没有及时维修。",
            ["Input.Cause"] = "ManagementService",
            ["Input.TimesRaisedUnresolved"] = "1",
            ["Input.ComplainantCount"] = "1",
        };
        foreach (var (field, value) in overrides)
        {
            fields[field.StartsWith("Input.", StringComparison.Ordinal) ? field : "Input." + field] = value;
        }

        return fields;
    }

    /// <summary>Registers through 登记投诉 (保存) and returns the new complaint's id.</summary>
    public static async Task<long> RegisterAsync(DeskClient client, params (string Field, string? Value)[] overrides)
    {
        var response = await client.PostFormAsync("/Complaints/Create", Intake(overrides));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return IdOf(response);
    }

    public static long IdOf(HttpResponseMessage response)
    {
        var match = DetailsPath().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Not a details redirect: {response.Headers.Location}");
    }

    public static int VersionOn(string html) =>
        int.Parse(VersionField().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts a move's form as the details page draws it now (its current version), or with <paramref name="version"/>.</summary>
    /// <remarks>A page that offers no form has no token: <paramref name="tokenPage"/> names one that does.</remarks>
    public static async Task<HttpResponseMessage> MoveAsync(
        DeskClient client, long id, string handler, Dictionary<string, string?> fields, int? version = null, string? tokenPage = null)
    {
        var url = $"/Complaints/{id}";
        var form = new Dictionary<string, string?>(fields) { ["Version"] = (version ?? VersionOn(await client.GetPageAsync(url))).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await client.PostFormAsync($"{url}?handler={handler}", form, tokenPage ?? url);
    }

    /// <summary>Posts a move that must succeed (redirect back to the details page).</summary>
    public static async Task MoveOkAsync(DeskClient client, long id, string handler, Dictionary<string, string?> fields)
    {
        var response = await MoveAsync(client, id, handler, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = await response.Content.ReadAsStringAsync();
            var error = ErrorAlert().Match(html);
            throw new InvalidOperationException($"{handler} answered {(int)response.StatusCode}: {(error.Success ? error.Groups[1].Value : html)}");
        }
    }

    public static Task<Complaint> LoadAsync(DeskAppFactory app, long id) =>
        app.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Timeline).Include(c => c.FollowUps).SingleAsync(c => c.Id == id));

    public static Task<int> CountAsync(DeskAppFactory app) => app.WithDbAsync(db => db.Complaints.CountAsync());

    [GeneratedRegex(@"^/Complaints/(\d+)$")]
    private static partial Regex DetailsPath();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("role=\"alert\" id=\"[a-z-]+\">([^<]*)<")]
    private static partial Regex ErrorAlert();
}
