using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>Cells and styles shared by the report workbook and the complaint export: numbers stay numbers.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Style indexes of <see cref="Stylesheet"/>.</summary>
    public const uint General = 0;
    public const uint Integer = 1;
    public const uint Percent = 2;
    public const uint OneDecimal = 3;
    public const uint Header = 4;
    public const uint DateTimeStyle = 5;

    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }) { Count = 6 });

    public static Cell Text(string? value, uint style = General) => new()
    {
        DataType = CellValues.InlineString,
        // Stored text may hold what XML 1.0 cannot (U+000B, NUL from before input was cleaned): removed, or the
        // whole workbook would fail to write.
        InlineString = new InlineString(new Text(Infrastructure.Text.TextInput.ForXml(value)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == General ? null : style,
    };

    /// <summary>A number cell; an empty cell when there is no value (a rate over nothing).</summary>
    public static Cell Number(double? value, uint style = General) => value is { } v && double.IsFinite(v)
        ? new Cell { CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = style == General ? null : style }
        : new Cell();

    /// <summary>A local date and time as an Excel date serial.</summary>
    public static Cell Date(DateTime? local) => local is { } value
        ? Number(value.ToOADate(), DateTimeStyle)
        : new Cell();

    public static uint StyleOf(FigureKind kind) => kind switch
    {
        FigureKind.Rate => Percent,
        FigureKind.Hours => OneDecimal,
        _ => Integer,
    };

    public static Row Row(params OpenXmlElement[] cells) => new(cells);
}
