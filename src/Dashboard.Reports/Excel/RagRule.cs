namespace Dashboard.Reports.Excel;

/// <summary>The three RAG colours a conditional format paints a cell with.</summary>
public enum RagColour
{
    Red,
    Amber,
    Green,
}

/// <summary>
/// A conditional format over one column's data cells. Either the cell's text names the colour ("red", "amber",
/// "green", matched without regard to case), or a number is compared with thresholds. The formulas live in the
/// conditional format, never in a cell.
/// </summary>
public sealed record RagRule
{
    private RagRule(int columnIndex, IReadOnlyList<(RagColour Colour, string Operator, string[] Formulas)> conditions)
    {
        ColumnIndex = columnIndex;
        Conditions = conditions;
    }

    /// <summary>Zero-based column index within the sheet's columns.</summary>
    public int ColumnIndex { get; }

    /// <summary>Each colour's comparison (an OpenXML cellIs operator) and its operand formulas.</summary>
    public IReadOnlyList<(RagColour Colour, string Operator, string[] Formulas)> Conditions { get; }

    /// <summary>Colours a column whose cells hold the words red, amber or green.</summary>
    public static RagRule ByText(int columnIndex) => new(columnIndex,
    [
        (RagColour.Red, "equal", ["\"red\""]),
        (RagColour.Amber, "equal", ["\"amber\""]),
        (RagColour.Green, "equal", ["\"green\""]),
    ]);

    /// <summary>Colours a numeric column: green at or above <paramref name="greenFrom"/>, red below
    /// <paramref name="redBelow"/>, amber between (for measures where higher is better; swap the arguments'
    /// meaning with <see cref="LowerIsBetter"/>).</summary>
    public static RagRule HigherIsBetter(int columnIndex, decimal redBelow, decimal greenFrom)
    {
        if (redBelow > greenFrom) throw new ArgumentException("The red threshold must not be above the green one.", nameof(redBelow));
        return new(columnIndex,
        [
            (RagColour.Red, "lessThan", [Number(redBelow)]),
            (RagColour.Green, "greaterThanOrEqual", [Number(greenFrom)]),
            (RagColour.Amber, "between", [Number(redBelow), Number(greenFrom)]),
        ]);
    }

    /// <summary>Colours a numeric column where lower is better: green at or below <paramref name="greenTo"/>,
    /// red above <paramref name="redAbove"/>, amber between.</summary>
    public static RagRule LowerIsBetter(int columnIndex, decimal greenTo, decimal redAbove)
    {
        if (greenTo > redAbove) throw new ArgumentException("The green threshold must not be above the red one.", nameof(greenTo));
        return new(columnIndex,
        [
            (RagColour.Red, "greaterThan", [Number(redAbove)]),
            (RagColour.Green, "lessThanOrEqual", [Number(greenTo)]),
            (RagColour.Amber, "between", [Number(greenTo), Number(redAbove)]),
        ]);
    }

    private static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
