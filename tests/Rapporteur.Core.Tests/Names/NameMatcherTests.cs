using Rapporteur.Core.Domain;
using Rapporteur.Core.Names;

namespace Rapporteur.Core.Tests.Names;

public sealed class NameMatcherTests
{
    private static readonly NameMatcher Matcher = NameMatcher.Default;

    [Theory]
    [InlineData("Бахтовар Наҷмиддинов", "Bakhtovar Najmiddinov")]
    [InlineData("Бахтовар Наҷмиддинов", "Bakhtovar Nadzhmiddinov")]
    [InlineData("Ойбек Қўчқоров", "Oybek Qoʻchqorov")]
    [InlineData("Ойбек Қўчқоров", "Oibek Kuchkarov")]
    [InlineData("Айдана Сейітқызы", "Aidana Seitkyzy")]
    [InlineData("Жаныбек Төрөкулов", "Zhanybek Torokulov")]
    [InlineData("Merdan Ataýew", "Мердан Атаев")]
    [InlineData("Гулшан Раҳмонзода", "Gulshan Rakhmonzade")]
    public void One_name_across_scripts_is_the_same(string a, string b) =>
        Assert.True(Matcher.Compare(a, b).Same, $"{a} / {b}: {Matcher.Compare(a, b)}");

    [Theory]
    [InlineData("Ravshan Boboev", "Boboev Ravshan")]
    [InlineData("Boboev, Ravshan", "Ravshan Boboev")]
    [InlineData("Ravshan Tolibovich Boboev", "Ravshan Boboev")]
    [InlineData("Boboev Ravshan Tolibovich", "R. T. Boboev")]
    [InlineData("Р. Бобоев", "Ravshan Boboev")]
    [InlineData("Ms. Zarrina Boboeva", "Zarrina Boboeva")]
    [InlineData("Ravshan Tolib Boboev", "Ravshan Boboev")]
    public void Order_patronymics_initials_and_titles_do_not_separate(string a, string b) =>
        Assert.True(Matcher.Compare(a, b).Same, $"{a} / {b}: {Matcher.Compare(a, b)}");

    [Theory]
    [InlineData("Boboeva", "Boboev")]
    [InlineData("Zarrina Boboeva", "Zarrin Boboev")]
    [InlineData("Aidana Seitkyzy", "Aidar Seituly")]
    [InlineData("Р. Бобоева", "Ravshan Boboev")]
    public void Opposite_gender_endings_are_different_people(string a, string b)
    {
        var match = Matcher.Compare(a, b);
        Assert.False(match.Same);
        Assert.True(match.Conflict);
    }

    [Theory]
    [InlineData("Ravshan Boboev", "Rustam Boboev")]
    [InlineData("Zarrina Boboeva", "Madina Boboeva")]
    [InlineData("Dilbar Boboeva", "Dilnoza Boboeva")]
    [InlineData("Alisher Boboev", "Alisher Bobokulov")]
    [InlineData("Nasim Boboev", "Nasima Boboev")]
    [InlineData("Lola Boboeva", "Lena Boboeva")]
    [InlineData("Ravshan Tolib Boboev", "Tolib Boboev")]
    [InlineData("Muhammadali Boboev", "Muhammad Boboev")]
    public void Relatives_and_near_names_stay_apart(string a, string b) =>
        Assert.False(Matcher.Compare(a, b).Same, $"{a} / {b}: {Matcher.Compare(a, b)}");

    [Theory]
    [InlineData("R. Boboev", "T. Boboev")]
    [InlineData("R. Boboev", "Tolib Boboev")]
    [InlineData("Boboev R.T.", "Boboev R.A.")]
    [InlineData("Ravshan Tolibovich Boboev", "Ravshan Aminovich Boboev")]
    [InlineData("Boboev R.T.", "Ravshan Aminovich Boboev")]
    public void Initials_and_patronymics_that_disagree_are_a_conflict(string a, string b)
    {
        var match = Matcher.Compare(a, b);
        Assert.False(match.Same);
        Assert.True(match.Conflict, match.Reason);
    }

    [Fact]
    public void Score_is_one_for_the_same_keys_and_order_does_not_matter()
    {
        Assert.Equal(1.0, Matcher.Compare("Ravshan Boboev", "RAVSHAN BOBOEV").Score, 3);
        Assert.Equal(Matcher.Compare("Ravshan Boboev", "Ravshon Boboyev").Score, Matcher.Compare("Ravshon Boboyev", "Ravshan Boboev").Score, 6);
    }

    [Fact]
    public void Scores_rank_closer_spellings_higher()
    {
        var exact = Matcher.Compare("Ravshan Boboev", "Ravshan Boboyev").Score;
        var vowel = Matcher.Compare("Ravshan Boboev", "Ravshon Boboev").Score;
        var initial = Matcher.Compare("Ravshan Boboev", "R. Boboev").Score;
        Assert.True(exact > vowel && vowel > initial, $"{exact} {vowel} {initial}");
    }

    [Fact]
    public void Parts_are_read_with_their_roles()
    {
        var parts = NameParts.Parse("Boboev Ravshan Tolibovich");
        Assert.Equal("Ravshan", parts.Given);
        Assert.Equal("Boboev", parts.Surname);
        Assert.Equal("Tolibovich", parts.Patronymic);
        Assert.Equal(Gender.Male, parts.Gender);
        var kyrgyz = NameParts.Parse("Aiperi Nurbek kyzy");
        Assert.Equal("Nurbek kyzy", kyrgyz.Surname);
        Assert.Equal(Gender.Female, kyrgyz.Gender);
    }

    [Fact]
    public void A_name_without_a_surname_ending_is_read_both_ways_round() =>
        Assert.Equal(2, NameParts.Readings("Ravshan Davlat").Count);
}
