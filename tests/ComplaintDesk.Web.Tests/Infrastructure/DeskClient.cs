using System.Net;
using System.Text.RegularExpressions;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>An HttpClient that fills in the antiforgery token as a browser's form would.</summary>
public sealed partial class DeskClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }

        return body;
    }

    /// <summary>Posts a form the way the page at <paramref name="formPageUrl"/> (default: the same URL) would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string?> fields, string? formPageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetAsync(formPageUrl ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken(html)
            ?? throw new InvalidOperationException($"No antiforgery token on {formPageUrl ?? url} ({(int)page.StatusCode})");
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        values.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static string? AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
