using Rapporteur.Core.Extraction;

namespace Rapporteur.Core.Tests.Extraction;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Of(text))];

    [Fact]
    public void A_full_stop_before_a_capital_ends_a_sentence()
    {
        var sentences = Sentences("Rustam Yusupov was detained in Khujand. His lawyer was not told why.");

        Assert.Equal(["Rustam Yusupov was detained in Khujand.", "His lawyer was not told why."], sentences);
    }

    [Theory]
    [InlineData("Mr.")]
    [InlineData("Ms.")]
    [InlineData("Mrs.")]
    [InlineData("Dr.")]
    public void An_honorific_does_not_end_a_sentence(string honorific)
    {
        var text = $"Police questioned {honorific} Saidova for six hours. She was released without charge.";

        var sentences = Sentences(text);

        Assert.Equal([$"Police questioned {honorific} Saidova for six hours.", "She was released without charge."], sentences);
    }

    [Fact]
    public void An_article_abbreviation_before_its_number_does_not_end_a_sentence()
    {
        var sentences = Sentences("He was charged under Art. 307 of the Criminal Code. The trial opened in Dushanbe.");

        Assert.Equal(["He was charged under Art. 307 of the Criminal Code.", "The trial opened in Dushanbe."], sentences);
    }

    [Fact]
    public void An_initial_before_a_surname_does_not_end_a_sentence()
    {
        var sentences = Sentences("The court in Osh sentenced F. Karimov to five years. His family was not allowed in.");

        Assert.Equal(["The court in Osh sentenced F. Karimov to five years.", "His family was not allowed in."], sentences);
    }

    [Fact]
    public void A_line_break_ends_a_sentence_without_punctuation()
    {
        var sentences = Sentences("Dushanbe court jails blogger\nA court in Dushanbe sentenced Alisher Qodirov to six years.");

        Assert.Equal(["Dushanbe court jails blogger", "A court in Dushanbe sentenced Alisher Qodirov to six years."], sentences);
    }

    [Fact]
    public void A_full_stop_before_a_lowercase_word_does_not_end_a_sentence()
    {
        var sentences = Sentences("The fine was 2.5 million som. it was paid by relatives.");

        Assert.Single(sentences);
    }

    [Fact]
    public void A_closing_quote_stays_with_the_sentence_it_closes()
    {
        var sentences = Sentences("Her lawyer said: “We will appeal.” The hearing is set for June.");

        Assert.Equal(["Her lawyer said: “We will appeal.”", "The hearing is set for June."], sentences);
    }

    [Fact]
    public void An_opening_quote_starts_a_new_sentence()
    {
        var sentences = Sentences("The verdict was read out in Bishkek. “This is revenge for his reporting,” said his brother.");

        Assert.Equal(["The verdict was read out in Bishkek.", "“This is revenge for his reporting,” said his brother."], sentences);
    }

    [Fact]
    public void Question_and_exclamation_marks_end_sentences()
    {
        var sentences = Sentences("Where is Timur Ergashev? Nobody knows! His wife is still waiting.");

        Assert.Equal(["Where is Timur Ergashev?", "Nobody knows!", "His wife is still waiting."], sentences);
    }

    [Fact]
    public void Sentences_carry_no_surrounding_white_space_and_blank_lines_give_none()
    {
        var sentences = Sentences("  Akmal Jurayev was freed.  \n\n\n  He thanked his supporters.  ");

        Assert.Equal(["Akmal Jurayev was freed.", "He thanked his supporters."], sentences);
    }
}
