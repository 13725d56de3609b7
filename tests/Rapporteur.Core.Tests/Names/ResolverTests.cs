using Rapporteur.Core.Domain;
using Rapporteur.Core.Names;

namespace Rapporteur.Core.Tests.Names;

public sealed class ResolverTests
{
    private static PersonRecord In(long document, params string[] spellings) => new(document, spellings);

    private static Resolution Resolve(IReadOnlyList<PersonRecord> records, params NameJudgement[] judgements) =>
        Resolver.Default.Resolve(records, judgements);

    private static ResolvedPerson PersonWith(Resolution resolution, string spelling) =>
        Assert.Single(resolution.Persons, p => p.Spellings.Any(s => s.Spelling == spelling));

    [Fact]
    public void Spellings_across_scripts_and_romanisations_join()
    {
        var resolution = Resolve([
            In(1, "Parviz Kholiqberdiev", "Kholiqberdiev"),
            In(2, "Парвиз Холиқбердиев"),
            In(3, "Parviz Kholikberdiev", "Mr. Kholikberdiev"),
        ]);

        var person = Assert.Single(resolution.Persons);
        Assert.Equal(["Kholiqberdiev", "Mr. Kholikberdiev", "Parviz Kholikberdiev", "Parviz Kholiqberdiev", "Парвиз Холиқбердиев"], person.Spellings.Select(s => s.Spelling).Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2], person.Spellings.Select(s => s.Record).Distinct().Order());
        Assert.Equal(Gender.Male, person.Gender);
    }

    [Fact]
    public void Two_relatives_with_one_surname_stay_apart()
    {
        var resolution = Resolve([
            In(1, "Zarina Rakhimova", "Rakhimova"),
            In(1, "Sherali Rakhimov"),
            In(2, "Зарина Раҳимова"),
            In(3, "Sherali Rahimov", "Rahimov"),
        ]);

        Assert.Equal(2, resolution.Persons.Count);
        Assert.Equal(Gender.Female, PersonWith(resolution, "Зарина Раҳимова").Gender);
        Assert.Contains(PersonWith(resolution, "Sherali Rakhimov").Spellings, s => s.Spelling == "Sherali Rahimov");
    }

    [Fact]
    public void Two_people_in_one_document_are_not_joined_by_a_near_spelling()
    {
        var sameDocument = Resolve([In(1, "Rustam Ismoilov"), In(1, "Rustam Ismailov")]);
        var twoDocuments = Resolve([In(1, "Rustam Ismoilov"), In(2, "Rustam Ismailov")]);

        Assert.Equal(2, sameDocument.Persons.Count);
        Assert.Single(twoDocuments.Persons);
    }

    [Fact]
    public void A_chain_of_near_matches_does_not_join_names_ruled_apart()
    {
        var resolution = Resolve([
            In(1, "Rashad Mammadov"),
            In(2, "Rashad Mamedov"),
            In(3, "Rashid Mamedov"),
        ]);

        Assert.Equal(2, resolution.Persons.Count);
        Assert.Equal(2, PersonWith(resolution, "Rashad Mammadov").Spellings.Count);
    }

    [Fact]
    public void A_different_judgement_is_obeyed_even_against_equal_keys()
    {
        var records = new[] { In(1, "Parviz Kholiqberdiev"), In(2, "Парвиз Холиқбердиев"), In(3, "Parviz Kholikberdiev") };

        var resolution = Resolve(records, new NameJudgement("Parviz Kholiqberdiev", "Парвиз Холиқбердиев", Verdict.Different));

        Assert.Equal(2, resolution.Persons.Count);
        Assert.NotSame(PersonWith(resolution, "Parviz Kholiqberdiev"), PersonWith(resolution, "Парвиз Холиқбердиев"));
    }

    [Fact]
    public void A_different_judgement_splits_the_spellings_of_one_record()
    {
        var resolution = Resolve([In(1, "Davron Nazarov", "Nazarov", "Davron")], new NameJudgement("davron nazarov", "NAZAROV", Verdict.Different));

        Assert.Equal(2, resolution.Persons.Count);
        Assert.Contains(PersonWith(resolution, "Davron Nazarov").Spellings, s => s.Spelling == "Davron");
    }

    [Fact]
    public void A_same_judgement_is_obeyed_even_against_the_matcher()
    {
        var records = new[] { In(1, "Gulbahor Saidova"), In(2, "Gulbahor Nazarova") };
        Assert.Equal(2, Resolve(records).Persons.Count);

        var resolution = Resolve(records, new NameJudgement("Gulbahor Saidova", "Gulbahor Nazarova", Verdict.Same));

        Assert.Single(resolution.Persons);
        Assert.Empty(resolution.Contradicted);
    }

    [Fact]
    public void Contradicting_judgements_are_reported()
    {
        var records = new[] { In(1, "Gulbahor Saidova"), In(2, "Gulbahor Saidova"), In(3, "Gulbahor Nazarova") };

        var resolution = Resolve(records,
            new NameJudgement("Gulbahor Saidova", "Gulbahor Nazarova", Verdict.Different),
            new NameJudgement("Gulbahor Nazarova", "Gulbahor Saidova", Verdict.Same));

        Assert.Single(resolution.Contradicted);
    }

    [Fact]
    public void A_surname_alone_joins_the_one_person_it_fits_when_the_context_agrees()
    {
        var records = new[]
        {
            In(1, "Anvar Sattorov") with { Country = "Tajikistan" },
            In(2, "Sattorov") with { Country = "Tajikistan" },
            In(3, "Sattorov") with { Country = "Kazakhstan" },
        };

        var resolution = Resolve(records);

        Assert.Equal([0, 1], PersonWith(resolution, "Anvar Sattorov").Spellings.Select(s => s.Record).Order());
        Assert.Equal(2, resolution.Persons.Count);
    }

    [Fact]
    public void A_surname_alone_that_fits_two_people_joins_neither()
    {
        var records = new[]
        {
            In(1, "Anvar Sattorov") with { Country = "Tajikistan" },
            In(2, "Bahrom Sattorov") with { Country = "Tajikistan" },
            In(3, "Sattorov") with { Country = "Tajikistan" },
        };

        Assert.Equal(3, Resolve(records).Persons.Count);
    }

    [Fact]
    public void Initials_join_only_the_person_they_fit_with_a_co_mentioned_person_as_context()
    {
        var records = new[]
        {
            In(1, "Anvar Sattorov", "Sattorov"),
            In(1, "Bahrom Sattorov"),
            In(2, "A. Sattorov"),
            In(2, "Бахром Сатторов"),
            In(3, "A. Sattorov"),
        };

        var resolution = Resolve(records);

        Assert.Equal([0, 2], PersonWith(resolution, "Anvar Sattorov").Spellings.Select(s => s.Record).Distinct().Order());
        Assert.Equal([1, 3], PersonWith(resolution, "Bahrom Sattorov").Spellings.Select(s => s.Record).Order());
        // In document 3 nothing around the initial says which Sattorov it is.
        Assert.Equal(3, resolution.Persons.Count);
    }

    [Fact]
    public void The_display_name_is_the_most_used_full_spelling()
    {
        var resolution = Resolve([In(1, "Анвар Латифов"), In(2, "Anvar Latifov"), In(3, "Anvar Latifov", "Latifov")]);

        Assert.Equal("Anvar Latifov", Assert.Single(resolution.Persons).Name);
    }

    [Fact]
    public void Resolution_is_deterministic()
    {
        var records = Enumerable.Range(0, 200).Select(i => In(i % 37, i % 3 == 0 ? "Farrukh Karimov" : i % 3 == 1 ? "Фаррух Каримов" : "Farrukh Karimova", "Karimov")).ToList();

        var first = Resolve(records);
        var second = Resolve(records);

        Assert.Equal(first.Persons.Select(p => string.Join(",", p.Spellings)), second.Persons.Select(p => string.Join(",", p.Spellings)));
    }
}
