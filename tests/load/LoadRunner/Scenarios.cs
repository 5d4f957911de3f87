using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ComplaintDesk.LoadRunner;

public static partial class Scenarios
{
    private const string Password = "Demo@2026";

    /// <summary>Registers (and, unless <paramref name="registerOnly"/>, browses, moves and reports) from many connections at once.</summary>
    public static async Task<int> MixedAsync(Options options, bool registerOnly)
    {
        var baseUri = new Uri(options.Get("base", "http://127.0.0.1:5080"));
        var seconds = options.Int("seconds", 60);
        var connections = options.Int("connections", 64);
        var tolerate = options.Get("tolerate-failures") == "true";
        var ackedPath = options.Get("acked", Path.Combine(Path.GetTempPath(), "acked.txt"));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var token = await TokenAsync(http, "clerk");

        // Reports are for supervisors and managers; the clerk registers and dispatches.
        var reportToken = registerOnly ? string.Empty : await TokenAsync(http, "supervisor");
        var cookie = registerOnly ? string.Empty : await SignInCookieAsync(baseUri, "manager");
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        await using var acked = new StreamWriter(ackedPath, append: false) { AutoFlush = true };
        var ackLock = new object();
        var counts = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var fresh = new ConcurrentQueue<long>();
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var roll = registerOnly ? 0 : random.NextDouble();
                // A desk's day: mostly reading and registering; the monthly report is opened now and then.
                var kind = roll < 0.35 ? "register" : roll < 0.55 ? "move" : roll < 0.95 ? "browse" : "report";
                try
                {
                    using var request = kind switch
                    {
                        "register" => Api(HttpMethod.Post, "/api/v1/complaints", token, RegisterBody(random, w)),
                        "move" when fresh.TryDequeue(out var id) => Api(HttpMethod.Post, $"/api/v1/complaints/{id}/dispatch", token, """{"departmentId":1,"assigneeName":"压测"}"""),
                        "move" => Api(HttpMethod.Get, "/api/v1/complaints?pageSize=20", token, null),
                        "browse" when fresh.TryPeek(out var seen) && random.NextDouble() < 0.5 => Page($"/Complaints/{seen}", cookie),
                        "browse" => Page("/Complaints", cookie),
                        _ => Api(HttpMethod.Get, $"/api/v1/reports/monthly?month={month}", reportToken, null),
                    };
                    using var response = await http.SendAsync(request);
                    var status = (int)response.StatusCode;
                    counts.AddOrUpdate($"{kind} {status}", 1, (_, n) => n + 1);
                    if (kind == "register" && response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        var id = body.GetProperty("id").GetInt64();
                        var number = body.GetProperty("number").GetString();
                        lock (ackLock)
                        {
                            acked.WriteLine($"{id}\t{number}");
                        }

                        if (fresh.Count < 10_000)
                        {
                            fresh.Enqueue(id);
                        }
                    }
                    else if (status >= 500 || (status >= 400 && status != 409))
                    {
                        failures.Enqueue($"{kind} {status}: {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    counts.AddOrUpdate($"{kind} exception", 1, (_, n) => n + 1);
                    failures.Enqueue($"{kind}: {ex.GetType().Name} {ex.Message}");
                    if (tolerate)
                    {
                        await Task.Delay(50);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var total = counts.Values.Sum();
        Console.WriteLine($"RESULT {(registerOnly ? "intake" : "mixed")} connections={connections} seconds={seconds} requests={total} rps={total / (double)seconds:F0} failures={failures.Count}");
        foreach (var (key, value) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {key,-24} {value}");
        }

        foreach (var failure in failures.Take(10))
        {
            Console.WriteLine($"  failure: {failure}");
        }

        return failures.IsEmpty || tolerate ? 0 : 1;
    }

    /// <summary>Every acknowledged complaint is in the database, numbers are unique, the file is intact, clock events are single.</summary>
    public static int Verify(Options options)
    {
        var db = options.Get("db");
        var acked = File.ReadAllLines(options.Get("acked")).Where(l => l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t')).Select(p => (Id: long.Parse(p[0], CultureInfo.InvariantCulture), Number: p[1])).ToList();
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        var stored = new Dictionary<long, string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, Number FROM Complaints WHERE Id >= $min";
            command.Parameters.AddWithValue("$min", acked.Count == 0 ? long.MaxValue : acked.Min(a => a.Id));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var missing = acked.Count(a => !stored.TryGetValue(a.Id, out var number) || number != a.Number);
        var duplicates = Scalar(connection, "SELECT COUNT(*) - COUNT(DISTINCT Number) FROM Complaints");
        var integrity = ScalarText(connection, "PRAGMA integrity_check");
        var clockTwice = TableExists(connection, "EscalationEvents")
            ? Scalar(connection, "SELECT COUNT(*) FROM (SELECT 1 FROM EscalationEvents GROUP BY ComplaintId, Kind, Cycle HAVING COUNT(*) > 1)")
            : 0;
        Console.WriteLine($"RESULT verify acknowledged={acked.Count} missing={missing} duplicateNumbers={duplicates} integrity={integrity} clockEventsTwice={clockTwice}");
        return missing == 0 && duplicates == 0 && integrity == "ok" && clockTwice == 0 ? 0 : 1;
    }

    /// <summary>Signed in through instance A, served by B; a form from A posted to B passes antiforgery.</summary>
    public static async Task<int> SessionAsync(Options options)
    {
        var a = new Uri(options.Get("a"));
        var b = new Uri(options.Get("b"));
        var problems = new List<string>();
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        await SignInAsync(http, a, "clerk");
        ShareCookies(cookies, a, b);

        using (var onB = await http.GetAsync(new Uri(b, "/About")))
        {
            var html = await onB.Content.ReadAsStringAsync();
            if (onB.StatusCode != HttpStatusCode.OK || !html.Contains("王小丽", StringComparison.Ordinal))
            {
                problems.Add($"signed in on A, B answered {(int)onB.StatusCode}");
            }
        }

        var form = await (await http.GetAsync(new Uri(a, "/Account/ChangePassword"))).Content.ReadAsStringAsync();
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not-the-password", ["NewPassword"] = "Another@2026", ["ConfirmPassword"] = "Another@2026",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }))
        {
            using var posted = await http.PostAsync(new Uri(b, "/Account/ChangePassword"), content);
            var html = await posted.Content.ReadAsStringAsync();
            if (posted.StatusCode != HttpStatusCode.OK || !html.Contains("当前密码不正确", StringComparison.Ordinal))
            {
                problems.Add($"form from A posted to B answered {(int)posted.StatusCode} (antiforgery across instances)");
            }
        }

        var via = options.Get("via");
        if (via.Length > 0)
        {
            var viaUri = new Uri(via);
            var viaCookies = new CookieContainer();
            using var viaHandler = new HttpClientHandler { CookieContainer = viaCookies, AllowAutoRedirect = false };
            using var viaHttp = new HttpClient(viaHandler);
            await SignInAsync(viaHttp, viaUri, "clerk");
            for (var i = 0; i < 20; i++)
            {
                using var response = await viaHttp.GetAsync(new Uri(viaUri, "/About"));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Add($"request {i} through the load balancer answered {(int)response.StatusCode}");
                }
            }
        }

        Console.WriteLine($"RESULT session problems={problems.Count}");
        problems.ForEach(p => Console.WriteLine($"  {p}"));
        return problems.Count == 0 ? 0 : 1;
    }

    private static HttpRequestMessage Api(HttpMethod method, string path, string token, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static HttpRequestMessage Page(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    public static string RegisterBody(Random random, int worker) => JsonSerializer.Serialize(new
    {
        complainantName = "压测业主" + worker,
        complainantKind = "Owner",
        phone = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        projectId = 1 + random.Next(2),
        location = $"{1 + random.Next(20)}栋{1 + random.Next(30)}0{1 + random.Next(4)}",
        channel = "Phone",
        topicId = 1 + random.Next(10),
        content = "压力测试：楼道灯不亮，已经三天。",
        cause = "ManagementService",
        companyAtFault = random.NextDouble() < 0.2,
        timesRaisedUnresolved = 1,
        complainantCount = 1,
    });

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> SignInCookieAsync(Uri baseUri, string user)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        await SignInAsync(http, baseUri, user);
        return cookies.GetCookieHeader(baseUri);
    }

    private static async Task SignInAsync(HttpClient http, Uri baseUri, string user)
    {
        var page = await (await http.GetAsync(new Uri(baseUri, "/Account/Login"))).Content.ReadAsStringAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        using var response = await http.PostAsync(new Uri(baseUri, "/Account/Login"), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {user} answered {(int)response.StatusCode}");
        }
    }

    private static void ShareCookies(CookieContainer cookies, Uri from, Uri to)
    {
        foreach (Cookie cookie in cookies.GetCookies(from))
        {
            cookies.Add(to, new Cookie(cookie.Name, cookie.Value, "/"));
        }
    }

    private static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string ScalarText(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static bool TableExists(SqliteConnection connection, string table) =>
        Scalar(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") > 0;

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
