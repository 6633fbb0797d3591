using System.Diagnostics;
using Dashboard.Core.Codes;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class WarehouseSetupTests
{
    private TempWarehouse _warehouse = null!;

    [SetUp]
    public async Task PrepareWarehouse()
    {
        _warehouse = new TempWarehouse();
        var clock = Stopwatch.StartNew();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        TestContext.Out.WriteLine($"PrepareAsync on an empty warehouse: {clock.ElapsedMilliseconds} ms");
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private Task<T> DayAsync<T>(string column, string isoDate) =>
        _warehouse.Connections.ScalarAsync<T>($"SELECT {column} FROM dim_date WHERE calendar_date = @isoDate", new { isoDate });

    [Test]
    public async Task Dim_date_holds_every_day_from_2000_01_01_to_2040_12_31_plus_the_unknown_member()
    {
        var (count, first, last) = (await _warehouse.Connections.QueryListAsync<(long, string, string)>(
            "SELECT COUNT(*), MIN(calendar_date), MAX(calendar_date) FROM dim_date WHERE date_key <> 0")).Single();

        Assert.That(count, Is.EqualTo(14_976), "41 years, 11 of them leap years");
        Assert.That(first, Is.EqualTo("2000-01-01"));
        Assert.That(last, Is.EqualTo("2040-12-31"));
        Assert.That(await DayAsync<string>("financial_year", "1900-01-01"), Is.EqualTo("unknown"));
    }

    [Test]
    public async Task A_second_prepare_applies_nothing_and_duplicates_nothing()
    {
        var applied = await WarehouseSetup.PrepareAsync(_warehouse.Connections);

        Assert.That(applied, Is.Empty);
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM dim_date"), Is.EqualTo(14_977));
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM dim_agency"), Is.EqualTo(8));
    }

    [Test]
    public async Task A_date_row_carries_its_parts_key_and_weekday()
    {
        var row = (await _warehouse.Connections.QueryListAsync<(long Key, long Year, long Month, long Day, string YearMonth, long DayOfWeek, long Weekend)>(
            "SELECT date_key, year, month, day, year_month, day_of_week, is_weekend FROM dim_date WHERE calendar_date = '2024-03-31'")).Single();

        Assert.That(row, Is.EqualTo((20240331L, 2024L, 3L, 31L, "2024-03", 7L, 1L)), "31 March 2024 was a Sunday");
        Assert.That(await DayAsync<long>("day_of_week", "2024-04-01"), Is.EqualTo(1), "Monday");
    }

    [Test]
    public async Task Christmas_2021_on_a_Saturday_moves_both_holidays_to_Monday_27_and_Tuesday_28_December()
    {
        Assert.That(await DayAsync<long>("is_bank_holiday", "2021-12-25"), Is.Zero);
        Assert.That(await DayAsync<long>("is_bank_holiday", "2021-12-27"), Is.EqualTo(1));
        Assert.That(await DayAsync<long>("is_bank_holiday", "2021-12-28"), Is.EqualTo(1));
        Assert.That(await DayAsync<long>("is_working_day", "2021-12-28"), Is.Zero);
        Assert.That(await DayAsync<string>("bank_holiday_name", "2021-12-27"), Does.StartWith("Christmas Day"));
        Assert.That(await DayAsync<long>("is_working_day", "2021-12-29"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_state_funeral_on_19_September_2022_is_a_bank_holiday()
    {
        Assert.That(await DayAsync<long>("is_bank_holiday", "2022-09-19"), Is.EqualTo(1));
        Assert.That(await DayAsync<long>("is_working_day", "2022-09-19"), Is.Zero);
        Assert.That(await DayAsync<string>("bank_holiday_name", "2022-09-19"), Does.Contain("State funeral"));
    }

    [Test]
    public async Task From_Thursday_before_Easter_2024_to_the_Tuesday_after_is_one_working_day()
    {
        var thursday = await DayAsync<long>("working_day_number", "2024-03-28");
        var tuesday = await DayAsync<long>("working_day_number", "2024-04-02");
        var goodFriday = await DayAsync<long>("working_day_number", "2024-03-29");

        Assert.That(tuesday - thursday, Is.EqualTo(1));
        Assert.That(goodFriday, Is.EqualTo(thursday), "a non-working day carries the number of the working day before it");
        Assert.That(await DayAsync<long>("working_day_number", "2000-01-04"), Is.EqualTo(1),
            "1-3 January 2000: Saturday, Sunday and the New Year's Day substitute");
    }

    [TestCase("2024-03-31", "2023-24")]
    [TestCase("2024-04-01", "2024-25")]
    [TestCase("2025-03-31", "2024-25")]
    [TestCase("2000-01-01", "1999-00")]
    [TestCase("2040-12-31", "2040-41")]
    public async Task The_financial_year_runs_April_to_March(string date, string financialYear)
    {
        Assert.That(await DayAsync<string>("financial_year", date), Is.EqualTo(financialYear));
    }

    [Test]
    public async Task Dim_code_holds_every_code_of_every_list_with_its_label()
    {
        var expected = CodeLists.Names.Sum(n => CodeLists.Get(n).Count);

        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM dim_code"), Is.EqualTo(expected));
        Assert.That(await _warehouse.Connections.ScalarAsync<string>(
            "SELECT label FROM dim_code WHERE code_list = 'cp_category' AND code = 'NEG'"), Is.EqualTo("Neglect"));
    }

    [Test]
    public async Task Dim_agency_numbers_the_agency_codes_1_to_n_in_code_order_after_the_unknown_member()
    {
        var agencies = await _warehouse.Connections.QueryListAsync<(long Key, string Code)>(
            "SELECT agency_key, agency_code FROM dim_agency ORDER BY agency_key");

        var codes = CodeLists.Get(CodeLists.Agency).Keys.Order(StringComparer.Ordinal);
        Assert.That(agencies.Select(a => a.Code), Is.EqualTo(new[] { "(unknown)" }.Concat(codes)));
        Assert.That(agencies.Select(a => a.Key), Is.EqualTo(Enumerable.Range(0, agencies.Count).Select(i => (long)i)));
    }

    [Test]
    public async Task Dim_agency_keeps_the_key_an_agency_already_has_and_restores_a_changed_name()
    {
        await _warehouse.Connections.ExecAsync("UPDATE dim_agency SET agency_key = 42, agency_name = 'Old name' WHERE agency_code = 'POLICE'");
        await _warehouse.Connections.ExecAsync("DELETE FROM dim_agency WHERE agency_code = 'LA'");

        await WarehouseSetup.PrepareAsync(_warehouse.Connections);

        var police = (await _warehouse.Connections.QueryListAsync<(long, string)>(
            "SELECT agency_key, agency_name FROM dim_agency WHERE agency_code = 'POLICE'")).Single();
        Assert.That(police, Is.EqualTo((42L, "Police")));
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT agency_key FROM dim_agency WHERE agency_code = 'LA'"),
            Is.EqualTo(43), "a code new to the warehouse gets the next key");
    }
}
