using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;

namespace Rapporteur.Core.Tests.Extraction;

/// <summary>Groups, shared terms, quotes and office holders: the references that cross a sentence or a name.</summary>
public sealed class ExtractorGroupAndQuoteTests
{
    private static ExtractionResult Extract(string text, DatePoint? published = null) => Extractor.Default.Extract(text, published);

    [Fact]
    public void Terms_written_once_for_several_people_go_to_each_in_order()
    {
        var result = Extract("Dilnoza Rahimova and Jamshid Aliev were sentenced to seven and eight years respectively.");

        Assert.Equal(84, Assert.Single(result.Events, e => e.Type == EventType.Sentence && e.Subject == "Dilnoza Rahimova").TermMonths);
        Assert.Equal(96, Assert.Single(result.Events, e => e.Type == EventType.Sentence && e.Subject == "Jamshid Aliev").TermMonths);
    }

    [Fact]
    public void Their_before_an_event_means_the_people_last_named_together()
    {
        var result = Extract("Zarina Yusupova and Bolot Sadykov were detained in Osh on 4 May 2025. Their trial opened in Bishkek on 9 June 2025.");

        var trials = result.Events.Where(e => e.Type == EventType.Trial).Select(e => e.Subject).ToList();
        Assert.Contains("Zarina Yusupova", trials);
        Assert.Contains("Bolot Sadykov", trials);
    }

    [Fact]
    public void A_capitalised_pronoun_opening_a_sentence_is_resolved()
    {
        var result = Extract("Timur Ergashev, a blogger from Osh, was arrested on 2 March 2025. He was released on 2 June 2025.");

        var release = Assert.Single(result.Events, e => e.Type == EventType.Release);
        Assert.Equal("Timur Ergashev", release.Subject);
        Assert.Equal("2025-06-02", release.Date.ToString());
    }

    [Fact]
    public void An_honorific_with_a_surname_is_kept_as_a_spelling()
    {
        var result = Extract("Nodira Karimova, a journalist from Khujand, was summoned in April. Neighbours saw officers take Ms. Karimova away.");

        var person = Assert.Single(result.Persons);
        Assert.Contains("Ms. Karimova", person.Variants);
    }

    [Fact]
    public void The_three_refers_to_the_people_last_named_together()
    {
        var result = Extract("Journalists Aziz Qodirov, Lola Nazarova and Bekzod Umarov were sentenced to six years in prison on Monday. "
            + "The three were detained in a sweep that began in January 2024.");

        var arrested = result.Events.Where(e => e.Type == EventType.Arrest).Select(e => e.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(["Aziz Qodirov", "Bekzod Umarov", "Lola Nazarova"], arrested);
    }

    [Fact]
    public void A_pronoun_inside_a_quote_does_not_mean_the_person_quoted()
    {
        var result = Extract("Farhod Sattorov, a lawyer, was jailed in May. “He did nothing wrong,” said Malika Yusupova, director of the Sughd Legal Clinic. "
            + "“The authorities must free him now.”");

        var call = Assert.Single(result.Events, e => e.Type == EventType.CallToAction);
        Assert.Equal("Farhod Sattorov", call.Subject);
        Assert.Contains(result.Events, e => e.Type == EventType.Statement && e.Subject == "Malika Yusupova");
    }

    [Fact]
    public void An_office_holder_named_near_a_sentence_is_not_its_victim()
    {
        var result = Extract("An activist who protested against a visit by President Rustam Nazarbekov has been sentenced to 15 days in jail.");

        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Sentence && e.Subject == "Rustam Nazarbekov");
    }

    [Fact]
    public void A_possible_term_is_not_a_sentence()
    {
        var result = Extract("Gulnora Saidova is held in pre-trial detention and faces up to eight years in prison if convicted.");

        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Sentence);
        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Trial);
    }

    [Fact]
    public void Roles_nationality_age_and_affiliation_come_from_the_words_around_a_name()
    {
        var result = Extract("Tajik journalist Sitora Nabieva, 34, was detained in Khujand on 3 May 2024. "
            + "“The charges are invented,” said Bahrom Sharipov, director of the Sughd Legal Aid Bureau.");

        var journalist = Assert.Single(result.Persons, p => p.Name == "Sitora Nabieva");
        Assert.Contains("journalist", journalist.Roles);
        Assert.Equal("Tajikistan", journalist.Country);
        Assert.Equal(34, journalist.Age);
        Assert.True(journalist.AtRisk);
        var director = Assert.Single(result.Persons, p => p.Name == "Bahrom Sharipov");
        Assert.Contains("ngo leader", director.Roles);
        Assert.Contains("Sughd Legal Aid Bureau", director.Affiliations);
        Assert.False(director.AtRisk);
    }
}
