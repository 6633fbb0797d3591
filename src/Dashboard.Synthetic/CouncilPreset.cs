namespace Dashboard.Synthetic;

/// <summary>The size of the synthetic council, by annual referrals: about 15, 1,500, 6,000 and 25,000.</summary>
public enum CouncilPreset
{
    /// <summary>An island authority: about 15 referrals a year, two teams, a handful of workers.</summary>
    Scilly,
    /// <summary>A small shire or unitary: about 1,500 referrals a year.</summary>
    Small,
    /// <summary>A medium authority: about 6,000 referrals a year.</summary>
    Medium,
    /// <summary>A large county: about 25,000 referrals a year.</summary>
    Large,
}
