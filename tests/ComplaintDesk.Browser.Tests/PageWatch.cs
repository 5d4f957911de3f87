using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>
/// Watches a page for what must never happen: console errors (CSP violations, failed loads and script
/// errors are reported there), uncaught exceptions and dialogs (alert/confirm from injected markup).
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];

    private PageWatch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"{page.Url}: uncaught {error}");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
    }

    public static PageWatch On(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageWatch(page);
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>No console error, uncaught exception or dialog on any page visited so far.</summary>
    public void AssertClean()
    {
        Assert.True(Errors.Count == 0, "Console errors:\n" + string.Join('\n', Errors));
        Assert.True(Dialogs.Count == 0, "Dialogs opened:\n" + string.Join('\n', Dialogs));
    }
}
