namespace Dashboard.Returns;

/// <summary>What happens when a row's key is already in the output (the same record from another year or return).</summary>
public enum MergeRule
{
    /// <summary>The incoming row's non-empty values replace what is there: a later census year updates an episode
    /// that was open at the earlier one (its close date, its latest category).</summary>
    LaterWins,
    /// <summary>Values already there are kept; the incoming row only fills empty fields: a child's date of birth from
    /// the CIN census is not overwritten by SSDA903's, but a field the census lacked is filled.</summary>
    FillGaps,
}
