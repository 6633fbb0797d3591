namespace Dashboard.Synthetic.Simulation;

/// <summary>Invented names and titles for workers and text columns.</summary>
internal static class Names
{
    private static readonly string[] First =
    [
        "Amy", "Ben", "Chloe", "Daniel", "Emma", "Faisal", "Grace", "Hannah", "Imran", "Jade", "Kate", "Liam", "Megan",
        "Nadia", "Oliver", "Priya", "Rachel", "Sam", "Tom", "Uzma", "Victoria", "Will", "Yasmin", "Zoe", "Aisha", "Claire",
        "David", "Helen", "James", "Laura", "Mark", "Natalie", "Paul", "Ruth", "Sarah", "Joanne", "Kwame", "Marta", "Owen", "Sian",
    ];

    private static readonly string[] Last =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hussain", "Khan",
        "Lewis", "Harris", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Turner",
        "Okafor", "Novak", "Begum", "Campbell",
    ];

    public static readonly Weighted<string> JobTitles = new(
        ("Social Worker", 55), ("Senior Social Worker", 25), ("Advanced Practitioner", 8), ("Newly Qualified Social Worker", 12));

    public static string Person(Rng rng) => $"{rng.Pick(First)} {rng.Pick(Last)}";
}
