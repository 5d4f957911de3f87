using System.Text.RegularExpressions;
using ComplaintDesk.Data;

namespace ComplaintDesk.Web.Tests;

/// <summary>One home for each thing: storage does not know the web app, the web app writes no SQL and ships no tools.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void DataAssembly_References_NoWebProject()
    {
        var references = typeof(ComplaintDeskDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("ComplaintDesk.Web", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WebAssembly_References_NoToolsProject()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Contains("ComplaintDesk.Data", references);
        Assert.DoesNotContain(references, name => name.Contains("Tools", StringComparison.OrdinalIgnoreCase) && name.StartsWith("ComplaintDesk", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.Contains("LoadRunner", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WebProject_ProjectReferences_NoToolsProject()
    {
        var project = File.ReadAllText(Path.Combine(SourceRoot(), "src", "ComplaintDesk.Web", "ComplaintDesk.Web.csproj"));

        Assert.Contains("ComplaintDesk.Data.csproj", project);
        Assert.DoesNotMatch(@"ProjectReference[^>]*(Tools|tools[\\/]|LoadRunner)", project);
    }

    [Fact]
    public void WebSources_ContainNoSqlText()
    {
        var web = Path.Combine(SourceRoot(), "src", "ComplaintDesk.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} sources found under {web}");

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => ContainsSql(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "SQL belongs in ComplaintDesk.Data:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("command.CommandText = \"SELECT name FROM sqlite_master\";", true)]
    [InlineData("Execute(\"PRAGMA journal_mode=WAL;\");", true)]
    [InlineData("var sql = $\"INSERT INTO \\\"{table}\\\" (a) VALUES (1)\";", true)]
    [InlineData("db.Database.ExecuteSqlRawAsync(\"UPDATE \\\"Complaints\\\" SET x = 1\");", true)]
    [InlineData("\"DELETE FROM Notifications\"", true)]
    [InlineData("// a comment that says SELECT something FROM somewhere", false)]
    [InlineData("<p>请选择 (select) 一个项目</p>", false)]
    [InlineData("var query = db.Complaints.Where(c => c.Id == id).Select(c => c.Number);", false)]
    public void ContainsSql_Samples_Recognised(string line, bool expected) => Assert.Equal(expected, ContainsSql(line));

    /// <summary>A string literal on the line holds a SQL statement's keywords (comments are not code).</summary>
    private static bool ContainsSql(string line)
    {
        var code = line.TrimStart();
        if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("///", StringComparison.Ordinal) || code.StartsWith('*'))
        {
            return false;
        }

        return Literal().Matches(line).Any(m => Sql().IsMatch(m.Value));
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\b(SELECT\s+\S.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\S+\s+SET\b|DELETE\s+FROM\b|PRAGMA\s+\w|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\b|ON\s+CONFLICT\b)")]
    private static partial Regex Sql();

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintDesk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ComplaintDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
