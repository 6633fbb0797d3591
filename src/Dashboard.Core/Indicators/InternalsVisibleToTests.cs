using System.Runtime.CompilerServices;

// The indicator rules' small internal helpers (working-day arithmetic, review schedules) are tested directly.
[assembly: InternalsVisibleTo("Dashboard.Core.Tests")]
