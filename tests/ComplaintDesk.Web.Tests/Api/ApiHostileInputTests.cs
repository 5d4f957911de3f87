using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>
/// Sends well over a thousand generated malformed or oversized bodies, headers and query strings to every endpoint
/// (seeded, so a failure repeats) and fails on any 5xx or on any row stored.
/// </summary>
public sealed class ApiHostileInputTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const int Requests = 1500;

    private static readonly string[] _registerRequired =
        ["complainantName", "complainantKind", "phone", "projectId", "location", "channel", "topicId", "content", "cause"];

    private static readonly string[] _moves =
        ["dispatch", "reassign", "progress", "hold", "resume", "resolve", "follow-up", "close-unreachable", "reopen", "reclassify", "withdraw", "repeat-raise"];

    private static readonly string[] _listParameters =
        ["status", "type", "severity", "projectId", "departmentId", "topicId", "channel", "from", "to", "overdueOnly", "dueSoonOnly", "keyword", "q", "sort", "cursor", "pageSize"];

    // No NUL in paths: the in-process test server refuses them before the app (Kestrel answers 400 itself).
    private static readonly string[] _badIds = ["abc", "-1", "0", "99999999999999999999", "1.5", "%01", "1e3", "%E2%80%AE", "null", "%20"];

    [Fact]
    public async Task EveryEndpoint_HostileInput_NeverAnswers5xxAndStoresNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        using var supervisor = await fixture.ClientAsync("supervisor");

        // A withdrawn complaint takes no move: a body that happened to be valid would answer 409, never store.
        var closedId = await clerk.RegisterAsync();
        await supervisor.MoveAsync(closedId, "withdraw", new { reason = "Duplicate", note = "测试用" });
        var before = await SnapshotAsync();

        var random = new Random(20261116);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Generate(random, closedId);
            var description = $"#{i} {request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await clerk.Http.SendAsync(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                failures.Add($"{description}: {ex.GetType().Name} {ex.Message}");
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{description}: {status} {body[..Math.Min(300, body.Length)]}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{description}: {status} without ProblemDetails ({request.Content?.Headers.ContentType}) {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join('\n', failures.Take(25))}");
        Assert.Equal(before, await SnapshotAsync());
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 4, "expected a spread of 4xx answers: " + string.Join(", ", statuses));
    }

    private HttpRequestMessage Generate(Random random, long closedId)
    {
        var id = random.Next(4) == 0 ? _badIds[random.Next(_badIds.Length)] : closedId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(9) switch
        {
            0 => Post("/api/v1/auth/token", HostileBody(random, Token(random), ["userName", "password"], requiredOnly: false), random),
            1 => Post("/api/v1/classification", HostileBody(random, Facts(), ["cause", "complainantCount", "timesRaisedUnresolved", "daysUnresolved"], requiredOnly: false), random),
            2 or 3 => Register(random),
            4 => Post($"/api/v1/complaints/{id}/{_moves[random.Next(_moves.Length)]}", HostileBody(random, MoveBody(random), ["departmentId", "note", "method", "outcome", "reason", "cause"], requiredOnly: false), random, moveHeaders: true),
            5 => new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints?" + HostileQuery(random)),
            6 => new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch
            {
                0 => $"/api/v1/complaints/{id}",
                1 => $"/api/v1/complaints/{id}/attachments",
                _ => $"/api/v1/complaints/{id}/attachments/{_badIds[random.Next(_badIds.Length)]}",
            }),
            7 => Upload(random, id),
            _ => new HttpRequestMessage(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete, random.Next(3) switch
            {
                0 => "/api/v1/projects?x=" + Uri.EscapeDataString(Garbage(random, 20)),
                1 => "/api/v1/departments",
                _ => "/api/v1/topics/" + Uri.EscapeDataString(Garbage(random, 5).Replace("\0", string.Empty, StringComparison.Ordinal)),
            }),
        };
    }

    private static HttpRequestMessage Register(Random random)
    {
        var body = ApiTestClient.Registration();
        var request = Post("/api/v1/complaints", HostileBody(random, body, _registerRequired, requiredOnly: true), random);
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? Garbage(random, random.Next(0, 300)) : Guid.NewGuid().ToString("N"));
        }

        return request;
    }

    private static HttpRequestMessage Post(string url, (string Body, string ContentType) content, Random random, bool moveHeaders = false)
    {
        var suffix = moveHeaders && random.Next(4) == 0 ? "?expectedVersion=" + Number(random) : string.Empty;
        var request = new HttpRequestMessage(HttpMethod.Post, url + suffix)
        {
            Content = new StringContent(content.Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(content.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/json");
        if (moveHeaders && random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", random.Next(2) == 0 ? Garbage(random, 10) : "\"" + Number(random) + "\"");
        }

        return request;
    }

    /// <summary>A body that is broken one way or another; with <paramref name="requiredOnly"/> it always breaks a required field.</summary>
    private static (string Body, string ContentType) HostileBody(Random random, JsonObject valid, string[] fields, bool requiredOnly)
    {
        var json = "application/json";
        var kind = random.Next(requiredOnly ? 8 : 10);
        switch (kind)
        {
            case 0:
                var text = valid.ToJsonString();
                return (text[..random.Next(text.Length)], json); // truncated
            case 1:
                return (Garbage(random, random.Next(0, 200)), json);
            case 2:
                return (new string('[', random.Next(40, 400)) + new string(']', random.Next(0, 400)), json); // deep nesting
            case 3:
                return ("{\"" + fields[0] + "\": \"" + new string('长', random.Next(70_000, 120_000)) + "\"}", json); // over the body limit
            case 4:
                return (valid.ToJsonString(), random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
            case 5:
                return (random.Next(2) == 0 ? "null" : random.Next(2) == 0 ? "[]" : "42", json);
            default:
                var body = (JsonObject)valid.DeepClone();
                var field = fields[random.Next(fields.Length)];
                body[field] = BadValue(random, field);
                if (random.Next(3) == 0)
                {
                    var other = fields[random.Next(fields.Length)];
                    body[other] = BadValue(random, other);
                }

                return (body.ToJsonString(), json);
        }
    }

    /// <summary>A value a field of that name never accepts.</summary>
    private static JsonNode? BadValue(Random random, string field)
    {
        var numeric = field.EndsWith("Id", StringComparison.Ordinal) || field.EndsWith("Count", StringComparison.Ordinal)
            || field == "timesRaisedUnresolved" || field == "daysUnresolved";
        var enumField = field is "cause" or "channel" or "complainantKind" or "method" or "outcome" or "reason";
        return random.Next(7) switch
        {
            0 => null,
            1 => numeric ? JsonValue.Create(-random.Next(1, int.MaxValue)) : JsonValue.Create(random.Next()),
            2 => numeric ? JsonNode.Parse(random.Next(2) == 0 ? "1e300" : "99999999999999999999") : JsonValue.Create(new string('字', random.Next(5_000, 20_000))),
            3 => enumField || numeric ? JsonValue.Create("Bogus" + random.Next(1000)) : new JsonArray(1, 2, 3),
            4 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = Garbage(random, 10) } },
            5 => numeric ? JsonValue.Create(true) : JsonValue.Create(string.Empty),
            _ => numeric ? JsonValue.Create("12abc") : enumField ? JsonValue.Create(random.Next(-5, 50)) : new JsonArray(),
        };
    }

    private static string HostileQuery(Random random)
    {
        var parts = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var name = _listParameters[random.Next(_listParameters.Length)];
            var value = random.Next(10) switch
            {
                0 => Uri.EscapeDataString(Garbage(random, random.Next(1, 40))),
                1 => "-" + Number(random),
                2 => "99999999999999999999",
                3 => "0001-01-01",
                4 => "9999-12-31",
                5 => "2026-02-30",
                6 => Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("c1:" + random.Next(-3, 5) + ":" + Garbage(random, 6)))),
                7 => new string('k', random.Next(100, 5_000)),
                8 => "Bogus",
                _ => string.Empty,
            };
            parts.Add(name + "=" + value);
        }

        return string.Join('&', parts);
    }

    private static HttpRequestMessage Upload(Random random, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{id}/attachments");
        switch (random.Next(5))
        {
            case 0:
                request.Content = new StringContent(Garbage(random, 100), Encoding.UTF8, "application/json");
                break;
            case 1:
                var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n" + Garbage(random, 50));
                broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
                request.Content = broken;
                break;
            default:
                // Content that never matches a signature: the first byte is 0.
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                if (bytes.Length > 0)
                {
                    bytes[0] = 0;
                }

                string[] names = ["a.png", "b.exe", "../../etc/passwd", "c.pdf", "d.jpg", new string('n', 500) + ".gif", "无扩展名", ""];
                var name = names[random.Next(names.Length)];
                var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(bytes), random.Next(5) == 0 ? "other" : "file", name.Length == 0 ? "x" : name);
                request.Content = form;
                break;
        }

        return request;
    }

    private static JsonObject Token(Random random) => new() { ["userName"] = "nobody" + random.Next(100), ["password"] = "wrong" };

    private static JsonObject Facts() => new() { ["cause"] = "ManagementService", ["complainantCount"] = 1 };

    private static JsonObject MoveBody(Random random) => random.Next(4) switch
    {
        0 => new JsonObject { ["departmentId"] = 2, ["note"] = "x" },
        1 => new JsonObject { ["method"] = "Phone", ["outcome"] = "Satisfied" },
        2 => new JsonObject { ["reason"] = "Duplicate", ["note"] = "x" },
        _ => new JsonObject { ["note"] = "x", ["cause"] = "External" },
    };

    private static string Number(Random random) => random.Next(3) switch
    {
        0 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "99999999999999999999",
        _ => "1.5",
    };

    private static string Garbage(Random random, int length)
    {
        const string alphabet = "{}[]\":,\\abcXYZ019 -_.\u0000\u001f'<>&%#?=\u4e2d\u6587\ud83d\ude00\t\r\n";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private async Task<string> SnapshotAsync()
    {
        var rows = await fixture.App.WithDbAsync(async db =>
            $"complaints {await db.Complaints.CountAsync()}, timeline {await db.TimelineEntries.CountAsync()}, follow-ups {await db.FollowUps.CountAsync()}, " +
            $"attachments {await db.Attachments.CountAsync()}, keys {await db.IdempotencyKeys.CountAsync()}, sequence {await db.MonthlySequences.SumAsync(s => s.LastValue)}");
        var folder = Path.Combine(fixture.App.DataFolder, "attachments");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
        return $"{rows}, files {files}";
    }
}
