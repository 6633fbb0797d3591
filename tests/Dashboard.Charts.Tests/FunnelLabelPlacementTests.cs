namespace Dashboard.Charts.Tests;

public class FunnelLabelPlacementTests
{
    [Test]
    public void Points_far_apart_are_all_labelled_on_the_right()
    {
        var sides = FunnelLabelPlacement.Choose([("North", 50, 40), ("South", 200, 200), ("East", 300, 90)], 520, 340);
        Assert.That(sides, Is.All.EqualTo(LabelSide.Right));
    }

    [Test]
    public void A_point_just_below_another_does_not_print_its_name_over_the_first()
    {
        var sides = FunnelLabelPlacement.Choose([("Front Door East", 250, 300), ("Front Door West", 240, 305)], 520, 340);
        Assert.That(sides[0], Is.Not.EqualTo(sides[1]));
        Assert.That(sides, Does.Contain(LabelSide.Right));
    }

    [Test]
    public void A_name_that_would_run_off_the_right_edge_goes_to_the_left()
    {
        var sides = FunnelLabelPlacement.Choose([("Front Door North", 510, 100)], 520, 340);
        Assert.That(sides, Is.EqualTo(new[] { LabelSide.Left }));
    }
}
