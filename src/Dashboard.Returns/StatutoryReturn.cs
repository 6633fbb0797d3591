namespace Dashboard.Returns;

/// <summary>The three statutory returns a council already produces, read as sources instead of an SSD extract.</summary>
public enum StatutoryReturn
{
    /// <summary>The DfE children in need census: one XML file per census year.</summary>
    CinCensus,
    /// <summary>The DfE SSDA903 return for children looked after: CSV files per year (header, episodes, reviews, ...).</summary>
    Ssda903,
    /// <summary>Ofsted's Annex A workbook of child-level lists (1 to 11) at a reference date.</summary>
    AnnexA,
}

public static class StatutoryReturns
{
    /// <summary>"CIN census", "SSDA903", "Annex A": as people name them.</summary>
    public static string Name(this StatutoryReturn source) => source switch
    {
        StatutoryReturn.CinCensus => "CIN census",
        StatutoryReturn.Ssda903 => "SSDA903",
        StatutoryReturn.AnnexA => "Annex A",
        _ => source.ToString(),
    };
}
