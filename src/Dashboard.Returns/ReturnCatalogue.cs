namespace Dashboard.Returns;

/// <summary>The importer and writer of each statutory return.</summary>
public static class ReturnCatalogue
{
    public static IReadOnlyDictionary<StatutoryReturn, IReturnImporter> Importers { get; } = new Dictionary<StatutoryReturn, IReturnImporter>
    {
        [StatutoryReturn.CinCensus] = new CinCensus.CinCensusImporter(),
        [StatutoryReturn.Ssda903] = new Ssda903.Ssda903Importer(),
        [StatutoryReturn.AnnexA] = new AnnexA.AnnexAImporter(),
    };

    public static IReadOnlyDictionary<StatutoryReturn, IReturnWriter> Writers { get; } = new Dictionary<StatutoryReturn, IReturnWriter>
    {
        [StatutoryReturn.CinCensus] = new CinCensus.CinCensusWriter(),
        [StatutoryReturn.Ssda903] = new Ssda903.Ssda903Writer(),
        [StatutoryReturn.AnnexA] = new AnnexA.AnnexAWriter(),
    };
}
