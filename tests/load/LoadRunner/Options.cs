using System.Globalization;

namespace ComplaintDesk.LoadRunner;

public sealed record Options(string Command, IReadOnlyDictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(args.Length > 0 ? args[0] : string.Empty, values);
    }

    public string Get(string name, string fallback = "") => Values.TryGetValue(name, out var value) ? value : fallback;

    public int Int(string name, int fallback) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
