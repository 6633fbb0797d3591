namespace Dashboard.Core.Suppression;

/// <summary>Why a published cell shows what it shows.</summary>
public enum CellStatus
{
    /// <summary>x: the figure is not available. First, so that an unset <see cref="PublishedCell"/> claims nothing.</summary>
    NotAvailable,

    /// <summary>The value is published.</summary>
    Shown,

    /// <summary>c: a count from 1 to the threshold, hidden in its own right.</summary>
    Primary,

    /// <summary>c: a larger count hidden so that a small one cannot be worked out from a total.</summary>
    Secondary,

    /// <summary>z: not applicable, for example a percentage of no cases.</summary>
    NotApplicable,
}
