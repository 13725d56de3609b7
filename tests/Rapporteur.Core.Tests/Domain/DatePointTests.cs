using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Tests.Domain;

public sealed class DatePointTests
{
    [Theory]
    [InlineData("2022", DatePrecision.Year)]
    [InlineData("2022-12", DatePrecision.Month)]
    [InlineData("2022-05-28", DatePrecision.Day)]
    public void Parsed_date_keeps_its_precision_and_prints_back(string text, DatePrecision precision)
    {
        Assert.True(DatePoint.TryParse(text, out var date));
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2022-02-30")]
    [InlineData("2022-13")]
    [InlineData("May 2022")]
    [InlineData("")]
    public void Impossible_dates_do_not_parse(string text) => Assert.False(DatePoint.TryParse(text, out _));

    [Fact]
    public void Truncating_a_day_gives_its_month() =>
        Assert.Equal("2022-05", DatePoint.OfDay(2022, 5, 28).Truncate(DatePrecision.Month).ToString());
}
