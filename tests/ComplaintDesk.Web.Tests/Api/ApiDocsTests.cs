using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>
/// Runs the curl examples of docs/api.md (every fenced bash block) against the in-process app, in order, and checks the
/// status each documents with <c># → NNN</c>. <c>VAR=$(curl … | jq -r .field)</c> keeps the field for later blocks.
/// </summary>
public sealed partial class ApiDocsTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    [Fact]
    public async Task CurlExamples_RunAgainstTheApp_AnswerTheDocumentedStatus()
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs", "api.md"));
        var blocks = BashBlock().Matches(markdown).Select(m => m.Groups[1].Value).ToList();
        var variables = new Dictionary<string, string> { ["DESK"] = string.Empty };
        var ran = 0;
        foreach (var block in blocks)
        {
            var lines = Regex.Replace(block, @"\\\r?\n\s*", " ").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var expected = lines.Select(l => ExpectedStatus().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            foreach (var line in lines.Where(l => !l.StartsWith('#')))
            {
                var capture = Capture().Match(line);
                if (capture.Success)
                {
                    var response = await SendAsync(capture.Groups["curl"].Value, variables);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{line}\n→ {(int)response.StatusCode} {body}");
                    variables[capture.Groups["name"].Value] = JsonNode.Parse(body)![capture.Groups["field"].Value]!.ToString();
                    ran++;
                }
                else if (line.StartsWith("curl ", StringComparison.Ordinal))
                {
                    var response = await SendAsync(line, variables);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(expected != 0, $"docs/api.md: no '# → status' after {line}");
                    Assert.True((int)response.StatusCode == expected, $"docs/api.md documents {expected} for\n{line}\nbut the app answered {(int)response.StatusCode}: {body}");
                    ran++;
                }
                else if (Assignment().IsMatch(line))
                {
                    continue; // DESK=https://… : the test talks to the in-process app instead.
                }
                else
                {
                    Assert.Fail($"docs/api.md: a bash block line the test cannot run: {line}");
                }
            }
        }

        Assert.True(ran >= 10, $"only {ran} curl examples found in docs/api.md");
    }

    private async Task<HttpResponseMessage> SendAsync(string commandLine, Dictionary<string, string> variables)
    {
        var words = Split(commandLine, variables);
        Assert.Equal("curl", words[0]);
        string? method = null;
        string? url = null;
        string? data = null;
        var headers = new List<(string Name, string Value)>();
        var files = new List<(string Field, string FileName)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X" or "--request":
                    method = words[++i];
                    break;
                case "-H" or "--header":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d" or "--data" or "--data-raw":
                    data = words[++i];
                    break;
                case "-F" or "--form":
                    var form = words[++i];
                    var equals = form.IndexOf("=@", StringComparison.Ordinal);
                    files.Add((form[..equals], form[(equals + 2)..]));
                    break;
                case "-s" or "-i" or "-S" or "--silent" or "--include":
                    break;
                default:
                    Assert.False(words[i].StartsWith('-'), $"curl option the docs test does not know: {words[i]}");
                    url = words[i];
                    break;
            }
        }

        Assert.NotNull(url);
        method ??= data is not null || files.Count > 0 ? "POST" : "GET";
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (data is not null)
        {
            request.Content = new StringContent(data, Encoding.UTF8);
            request.Content.Headers.ContentType = null;
        }
        else if (files.Count > 0)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (field, fileName) in files)
            {
                var file = new ByteArrayContent(_png);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                multipart.Add(file, field, fileName);
            }

            request.Content = multipart;
        }

        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var client = fixture.App.CreateDeskClient();
        return await client.Http.SendAsync(request);
    }

    /// <summary>Splits a command line as a POSIX shell would for these examples: quotes, and $VAR outside single quotes.</summary>
    private static List<string> Split(string line, Dictionary<string, string> variables)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                current.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                current.Append(Expand(line[(i + 1)..end], variables));
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                var end = i;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not '\'' and not '"')
                {
                    end++;
                }

                current.Append(Expand(line[i..end], variables));
                i = end - 1;
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string Expand(string text, Dictionary<string, string> variables) =>
        Variable().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"docs/api.md uses ${m.Groups[1].Value} before setting it"));

    [GeneratedRegex(@"```bash\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^#\s*→\s*(\d{3})")]
    private static partial Regex ExpectedStatus();

    [GeneratedRegex(@"^(?<name>[A-Z_]+)=\$\((?<curl>curl .*) \| jq -r \.(?<field>[A-Za-z]+)\)$")]
    private static partial Regex Capture();

    [GeneratedRegex(@"^[A-Z_]+=\S+$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$([A-Z_]+)")]
    private static partial Regex Variable();
}
