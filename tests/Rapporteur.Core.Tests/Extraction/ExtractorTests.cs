using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;

namespace Rapporteur.Core.Tests.Extraction;

public sealed class ExtractorTests
{
    private static ExtractionResult Extract(string text, DatePoint? published = null) => Extractor.Default.Extract(text, published);

    private static ExtractedEvent OnlyEvent(ExtractionResult result, EventType type, string subject) =>
        Assert.Single(result.Events, e => e.Type == type && e.Subject == subject);

    [Fact]
    public void Surname_title_and_possessive_mentions_resolve_to_the_person_named_in_full()
    {
        const string text = "Nodira Karimova, a journalist from Khujand, has covered local courts for a decade. "
            + "Karimova was summoned by investigators in April. "
            + "Neighbours saw officers take Ms. Karimova away in an unmarked car. "
            + "Karimova’s colleagues say the case is about her reporting.";

        var result = Extract(text);

        var person = Assert.Single(result.Persons);
        Assert.Equal("Nodira Karimova", person.Name);
        Assert.Equal(4, person.Mentions.Count);
        Assert.Contains("Karimova", person.Variants);
    }

    [Fact]
    public void Relatives_who_share_a_surname_stay_two_people()
    {
        const string text = "Rustam Rahimzoda, a lawyer in Dushanbe, was arrested in March. "
            + "His niece, Zarina Rahimzoda, a student, was questioned by police the following week.";

        var result = Extract(text);

        Assert.Equal(["Rustam Rahimzoda", "Zarina Rahimzoda"], result.Persons.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_passive_detention_is_an_arrest_of_its_grammatical_subject_on_the_date_given()
    {
        var result = Extract("Bakhtiyor Tursunov was detained by security officers on 3 May 2024.");

        var arrest = OnlyEvent(result, EventType.Arrest, "Bakhtiyor Tursunov");
        Assert.Equal(DatePoint.OfDay(2024, 5, 3), arrest.Date);
    }

    [Fact]
    public void An_active_arrest_is_an_arrest_of_its_object()
    {
        var result = Extract("Police arrested Farrukh Ismoilov in Khujand on 14 February 2023.");

        var arrest = OnlyEvent(result, EventType.Arrest, "Farrukh Ismoilov");
        Assert.Equal(DatePoint.OfDay(2023, 2, 14), arrest.Date);
    }

    [Fact]
    public void A_sentence_carries_its_term_and_the_article_applied()
    {
        var result = Extract("On 20 June 2023 Shuhrat Nazarov was sentenced to nine years in prison under Article 307 of the Criminal Code.");

        var sentence = OnlyEvent(result, EventType.Sentence, "Shuhrat Nazarov");
        Assert.Equal(108, sentence.TermMonths);
        Assert.Contains("307", sentence.LegalArticles);
        Assert.Equal(DatePoint.OfDay(2023, 6, 20), sentence.Date);
    }

    [Fact]
    public void A_term_written_before_the_name_goes_to_the_person_it_was_handed_to()
    {
        var result = Extract("A seven-year prison term was handed to blogger Alisher Qodirov in Tashkent.");

        var sentence = OnlyEvent(result, EventType.Sentence, "Alisher Qodirov");
        Assert.Equal(84, sentence.TermMonths);
    }

    [Fact]
    public void Two_people_sentenced_together_each_get_a_sentence()
    {
        var result = Extract("Journalists Dilnoza Rahimova and Jamshid Aliev were sentenced to eight years in Dushanbe.");

        Assert.Equal(96, OnlyEvent(result, EventType.Sentence, "Dilnoza Rahimova").TermMonths);
        Assert.Equal(96, OnlyEvent(result, EventType.Sentence, "Jamshid Aliev").TermMonths);
    }

    [Fact]
    public void A_pronoun_in_the_next_sentence_refers_to_the_person_named_before()
    {
        const string text = "Timur Ergashev, a blogger from Osh, was arrested on 2 March 2025. Three months later he was released on 2 June 2025.";

        var result = Extract(text);

        var release = OnlyEvent(result, EventType.Release, "Timur Ergashev");
        Assert.Equal(DatePoint.OfDay(2025, 6, 2), release.Date);
        Assert.Equal("Three months later he was released on 2 June 2025.", release.Evidence.Of(text));
    }

    [Fact]
    public void A_pronoun_in_a_third_sentence_skips_a_person_of_the_other_gender()
    {
        const string text = "Timur Ergashev, a blogger from Osh, was arrested on 2 March 2025. His wife Malika Ergasheva was questioned the same day. "
            + "Three months later he was released on 2 June 2025.";

        var result = Extract(text);

        OnlyEvent(result, EventType.Release, "Timur Ergashev");
        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Release && e.Subject == "Malika Ergasheva");
    }

    [Fact]
    public void A_quotation_followed_by_said_and_a_name_is_a_statement_by_that_person()
    {
        const string text = "“The charges against him are fabricated,” said Gulnora Saidova, director of the Khujand Legal Clinic.";

        var result = Extract(text);

        var statement = Assert.Single(result.Statements);
        Assert.Equal("Gulnora Saidova", statement.Speaker);
        Assert.Equal(text, statement.Evidence.Of(text));
        OnlyEvent(result, EventType.Statement, "Gulnora Saidova");
    }

    [Fact]
    public void An_organisation_that_condemns_is_the_subject_of_a_statement()
    {
        var result = Extract("The Steppe Press Watch condemned the verdict against Nigora Abdullaeva.");

        var statement = Assert.Single(result.Statements);
        Assert.Equal("Steppe Press Watch", statement.Organization);
        Assert.Null(statement.Speaker);
        Assert.True(OnlyEvent(result, EventType.Statement, "Steppe Press Watch").SubjectIsOrganization);
    }

    [Fact]
    public void A_call_to_release_is_a_call_to_action_for_that_person_and_not_a_release()
    {
        var result = Extract("The Steppe Press Watch called on the authorities to release Nigora Abdullaeva immediately.");

        OnlyEvent(result, EventType.CallToAction, "Nigora Abdullaeva");
        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Release);
    }

    [Fact]
    public void A_court_liquidating_an_organisation_is_a_closure_of_that_organisation()
    {
        var result = Extract("On 10 October 2024, a court in Khujand liquidated the Khujand Legal Clinic, which had defended migrant workers for fifteen years.");

        var closure = OnlyEvent(result, EventType.NgoClosure, "Khujand Legal Clinic");
        Assert.True(closure.SubjectIsOrganization);
        Assert.Equal(DatePoint.OfDay(2024, 10, 10), closure.Date);
    }

    [Fact]
    public void Every_event_and_statement_has_evidence_inside_the_text()
    {
        const string text = "Dushanbe, 14 March 2025 – Rustam Yusupov, a lawyer, was detained by security officers on 3 March. "
            + "Two days later he was charged under Article 307 of the Criminal Code.\n\n"
            + "On 12 March he was sentenced to seven years in prison. "
            + "The Steppe Press Watch called on the authorities to release Rustam Yusupov. "
            + "“This is revenge for his work,” said his colleague Madina Sharipova.";

        var result = Extract(text);

        Assert.NotEmpty(result.Events);
        Assert.NotEmpty(result.Statements);
        var whole = new Span(0, text.Length);
        Assert.All(result.Events, e => Assert.True(whole.Contains(e.Evidence) && e.Evidence.Length > 0, $"{e.Type} {e.Subject}: {e.Evidence}"));
        Assert.All(result.Statements, s => Assert.True(whole.Contains(s.Evidence) && s.Evidence.Length > 0, $"{s.Speaker}: {s.Evidence}"));
    }

    [Fact]
    public void An_appeal_that_is_only_planned_is_not_an_appeal()
    {
        var result = Extract("Sherzod Umarov was sentenced to five years on 1 March 2024. His relatives plan to appeal the verdict.");

        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Appeal);
        OnlyEvent(result, EventType.Sentence, "Sherzod Umarov");
    }

    [Fact]
    public void Reports_said_is_not_a_statement_by_the_person_reported_on()
    {
        var result = Extract("Akmal Jurayev was detained by police in Tashkent on 5 April 2024, reports said.");

        Assert.Empty(result.Statements);
        Assert.DoesNotContain(result.Events, e => e.Type == EventType.Statement);
        OnlyEvent(result, EventType.Arrest, "Akmal Jurayev");
    }
}
