using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;

namespace Rapporteur.Core.Tests.Extraction;

public sealed class DateRecogniserTests
{
    private static readonly DatePoint ThursdayInMarch2016 = DatePoint.OfDay(2016, 3, 17);
    private static readonly DatePoint ThursdayInSeptember2019 = DatePoint.OfDay(2019, 9, 19);

    private static DateMention OnlyDate(string text, DatePoint? anchor = null) =>
        Assert.Single(DateRecogniser.Find(text, new Span(0, text.Length), anchor));

    private static DurationMention OnlyDuration(string text) =>
        Assert.Single(DateRecogniser.Durations(text, new Span(0, text.Length)));

    [Fact]
    public void Day_month_and_year_are_read_at_day_precision()
    {
        const string text = "Nodira Karimova was detained in Khujand on 28 May 2022.";

        var date = OnlyDate(text);

        Assert.Equal("28 May 2022", date.Span.Of(text));
        Assert.Equal(DatePoint.OfDay(2022, 5, 28), date.Value);
        Assert.False(date.Relative);
    }

    [Fact]
    public void Month_and_year_are_read_at_month_precision()
    {
        var date = OnlyDate("The blogger was last seen in Osh in December 2022.");

        Assert.Equal(DatePoint.OfMonth(2022, 12), date.Value);
        Assert.Equal(DatePrecision.Month, date.Value!.Value.Precision);
    }

    [Fact]
    public void A_year_after_in_is_read_at_year_precision()
    {
        var date = OnlyDate("The Khujand Legal Clinic was closed in 2023.");

        Assert.Equal(DatePoint.OfYear(2023), date.Value);
    }

    [Fact]
    public void A_bare_number_that_looks_like_a_year_is_not_a_date()
    {
        const string text = "The court fined him 2023 som.";

        var found = DateRecogniser.Find(text, new Span(0, text.Length), null);

        Assert.Empty(found);
    }

    [Fact]
    public void Month_day_comma_year_is_read_at_day_precision()
    {
        var date = OnlyDate("Police searched his flat in Bishkek on March 17, 2016, at dawn.");

        Assert.Equal(DatePoint.OfDay(2016, 3, 17), date.Value);
    }

    [Fact]
    public void An_iso_date_is_read_as_written()
    {
        var date = OnlyDate("Hearing scheduled: 2025-03-14.");

        Assert.Equal(DatePoint.OfDay(2025, 3, 14), date.Value);
    }

    [Fact]
    public void An_impossible_day_is_found_without_a_value()
    {
        var date = OnlyDate("The order was dated 31 February 2022.");

        Assert.Null(date.Value);
    }

    [Fact]
    public void A_weekday_is_the_latest_such_day_on_or_before_the_document_date()
    {
        var date = OnlyDate("He was detained on Thursday in Dushanbe.", ThursdayInMarch2016);

        Assert.Equal(DatePoint.OfDay(2016, 3, 17), date.Value);
        Assert.True(date.Relative);
    }

    [Fact]
    public void A_weekday_before_the_document_date_goes_back_into_the_week()
    {
        var date = OnlyDate("He was detained on Monday in Dushanbe.", ThursdayInMarch2016);

        Assert.Equal(DatePoint.OfDay(2016, 3, 14), date.Value);
    }

    [Fact]
    public void Last_week_is_the_month_of_the_week_before()
    {
        var date = OnlyDate("She was summoned for questioning last week.", ThursdayInSeptember2019);

        Assert.Equal(DatePoint.OfMonth(2019, 9), date.Value);
    }

    [Fact]
    public void Last_week_across_a_month_boundary_is_the_earlier_month()
    {
        var date = OnlyDate("She was summoned for questioning last week.", DatePoint.OfDay(2019, 10, 3));

        Assert.Equal(DatePoint.OfMonth(2019, 9), date.Value);
    }

    [Fact]
    public void Last_month_is_the_month_before_the_document_date()
    {
        var date = OnlyDate("Her appeal was rejected last month.", ThursdayInSeptember2019);

        Assert.Equal(DatePoint.OfMonth(2019, 8), date.Value);
    }

    [Fact]
    public void Last_month_in_January_is_December_of_the_year_before()
    {
        var date = OnlyDate("Her appeal was rejected last month.", DatePoint.OfDay(2020, 1, 10));

        Assert.Equal(DatePoint.OfMonth(2019, 12), date.Value);
    }

    [Fact]
    public void Months_ago_counts_back_from_the_document_date()
    {
        var date = OnlyDate("He was transferred to a colony in Navoi two months ago.", ThursdayInSeptember2019);

        Assert.Equal(DatePoint.OfMonth(2019, 7), date.Value);
        Assert.True(date.Relative);
    }

    [Fact]
    public void A_day_without_a_year_and_without_a_document_date_has_no_value()
    {
        var date = OnlyDate("The hearing was adjourned on March 3.");

        Assert.Equal("March 3", date.Span.Of("The hearing was adjourned on March 3."));
        Assert.Null(date.Value);
        Assert.True(date.Relative);
    }

    [Fact]
    public void A_relative_date_without_a_document_date_has_no_value()
    {
        var date = OnlyDate("She was summoned for questioning last week.");

        Assert.Null(date.Value);
    }

    [Fact]
    public void Dates_outside_the_given_span_are_not_found()
    {
        const string text = "Detained on 3 May 2024. Released on 2 June 2025.";
        var released = text.IndexOf("Released", StringComparison.Ordinal);
        var second = Span.FromBounds(released, text.Length);

        var date = Assert.Single(DateRecogniser.Find(text, second, null));

        Assert.Equal(DatePoint.OfDay(2025, 6, 2), date.Value);
        Assert.Equal("2 June 2025", date.Span.Of(text));
    }

    [Fact]
    public void Years_with_an_apostrophe_are_counted_in_months()
    {
        var term = OnlyDuration("He was given 16 years' imprisonment.");

        Assert.Equal(192, term.Months);
        Assert.Null(term.Days);
    }

    [Fact]
    public void A_half_year_adds_six_months()
    {
        var term = OnlyDuration("She was sentenced to seven and a half years in a penal colony.");

        Assert.Equal(90, term.Months);
    }

    [Fact]
    public void A_hyphenated_term_is_a_duration()
    {
        var term = OnlyDuration("He is serving an eight-year sentence.");

        Assert.Equal(96, term.Months);
    }

    [Fact]
    public void Months_stay_months()
    {
        var term = OnlyDuration("He spent 15 months in pre-trial detention.");

        Assert.Equal(15, term.Months);
    }

    [Fact]
    public void Days_are_counted_in_days_not_months()
    {
        var term = OnlyDuration("The court ordered 10 days of administrative arrest.");

        Assert.Equal(10, term.Days);
        Assert.Null(term.Months);
    }

    [Fact]
    public void Weeks_are_counted_in_days()
    {
        var term = OnlyDuration("She was held for three weeks without charge.");

        Assert.Equal(21, term.Days);
    }

    [Fact]
    public void Years_and_months_add_up()
    {
        const string text = "He was sentenced to seven years and six months.";

        var term = OnlyDuration(text);

        Assert.Equal(90, term.Months);
        Assert.Equal("seven years and six months", term.Span.Of(text));
    }

    [Fact]
    public void The_document_date_is_read_from_a_dateline()
    {
        var date = DateRecogniser.DocumentDate("Almaty, 14 March 2025 – A court in Almaty on Thursday fined Zarina Rahimzoda for an unsanctioned picket.", null);

        Assert.Equal(DatePoint.OfDay(2025, 3, 14), date);
    }

    [Fact]
    public void The_document_date_is_read_from_a_date_label()
    {
        const string text = "Steppe Press Watch statement\n date 2025-03-14\nA court in Almaty on Thursday fined Zarina Rahimzoda.";

        Assert.Equal(DatePoint.OfDay(2025, 3, 14), DateRecogniser.DocumentDate(text, null));
    }

    [Fact]
    public void The_published_date_wins_over_a_dateline()
    {
        var date = DateRecogniser.DocumentDate("Almaty, 14 March 2025 – A court fined Zarina Rahimzoda.", DatePoint.OfDay(2025, 3, 15));

        Assert.Equal(DatePoint.OfDay(2025, 3, 15), date);
    }

    [Fact]
    public void A_date_deep_inside_a_long_first_paragraph_is_not_a_dateline()
    {
        var text = "A court in Almaty fined the activist Zarina Rahimzoda for taking part in an unsanctioned picket outside the akimat, where a dozen residents had gathered to protest "
            + "against the demolition of their homes, and her lawyer said the hearing lasted less than twenty minutes and that she would appeal against the ruling, which was issued on 14 March 2025.";

        Assert.Null(DateRecogniser.DocumentDate(text, null));
    }
}
