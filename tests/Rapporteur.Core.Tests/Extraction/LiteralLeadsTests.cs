using System.Text.RegularExpressions;
using Rapporteur.Core.Extraction;

namespace Rapporteur.Core.Tests.Extraction;

public sealed class LiteralLeadsTests
{
    [Fact]
    public void A_text_without_any_opening_is_ruled_out_and_one_with_an_opening_is_not()
    {
        var leads = LiteralLeads.Of("arrest(?:ed|s)?|detain(?:ed|s|ing)?|taken into custody");

        Assert.NotNull(leads);
        Assert.True(LiteralLeads.MayMatch(leads, "Police DETAINED Farrukh Saidov at his home in Osh."));
        Assert.True(LiteralLeads.MayMatch(leads, "He was taken into custody on Monday."));
        Assert.False(LiteralLeads.MayMatch(leads, "The court postponed the hearing until June."));
    }

    [Theory]
    [InlineData("(?:prison|jail) term")]
    [InlineData("MP|member of parliament")]
    [InlineData(@"\S+ sentence")]
    [InlineData("ab?c")]
    [InlineData("foo(?#(x)|bar")]
    [InlineData("foo[]|x]|bar")]
    [InlineData("straße|road")]
    public void A_pattern_with_an_alternative_that_opens_with_less_than_three_plain_characters_rules_nothing_out(string alternatives)
    {
        var leads = LiteralLeads.Of(alternatives);

        Assert.Null(leads);
        Assert.True(LiteralLeads.MayMatch(leads, "nothing of the kind"));
    }

    [Fact]
    public void A_quantifier_takes_back_the_character_it_applies_to()
    {
        // "pre-?trial" opens with "pre": "pretrial" has no hyphen.
        var leads = LiteralLeads.Of("pre-?trial detention|remains? held");

        Assert.True(LiteralLeads.MayMatch(leads, "six months of pretrial detention"));
        Assert.True(LiteralLeads.MayMatch(leads, "she remain held"));
        Assert.False(LiteralLeads.MayMatch(leads, "in custody"));
    }

    [Fact]
    public void Bars_inside_groups_and_classes_do_not_split_alternatives()
    {
        var leads = LiteralLeads.Of("liquidat(?:ed|ion)|organi[s|z]ation");

        Assert.True(LiteralLeads.MayMatch(leads, "the organization"));
        Assert.True(LiteralLeads.MayMatch(leads, "was liquidated"));
        Assert.False(LiteralLeads.MayMatch(leads, "was closed"));
    }

    [Fact]
    public void A_text_with_the_kelvin_sign_is_always_run_because_the_pattern_engine_reads_it_as_k()
    {
        const string alternatives = "killed|kidnapped";
        var pattern = new Regex(@"\b(?:" + alternatives + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        const string text = "He was \u212Ailled in 2021.";

        Assert.Matches(pattern, text);
        Assert.True(LiteralLeads.MayMatch(LiteralLeads.Of(alternatives), text));
    }

    [Fact]
    public void Every_text_an_event_or_role_row_matches_passes_that_rows_leads()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "Rapporteur.Core.Tests", "Extraction", "Articles");
        var texts = Directory.GetFiles(folder, "*.txt").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(texts);
        var rows = Lexicon.Default.Triggers.Select(t => (t.Pattern, t.Leads))
            .Concat(Lexicon.Default.Roles.Select(r => (r.Pattern, r.Leads)))
            .ToList();
        Assert.Contains(rows, r => r.Leads is not null);
        var checkedMatches = 0;
        foreach (var text in texts)
        {
            foreach (var (pattern, leads) in rows)
            {
                foreach (var paragraph in text.Split("\n\n"))
                {
                    if (pattern.IsMatch(paragraph))
                    {
                        checkedMatches++;
                        Assert.True(LiteralLeads.MayMatch(leads, paragraph), $"{pattern} matches a paragraph its leads rule out: {paragraph}");
                    }
                }
            }
        }
        Assert.True(checkedMatches > 100, $"only {checkedMatches} matches were checked");
    }
}
