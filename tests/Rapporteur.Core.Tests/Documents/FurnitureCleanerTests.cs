using Rapporteur.Core.Documents;

namespace Rapporteur.Core.Tests.Documents;

[Collection(Fuzz.HostileInputs.Collection)]
public sealed class FurnitureCleanerTests
{
    private const string Prose =
        "Kamila Yusupova, a lawyer in Samarkand, said she shared the court's decision on Facebook and Telegram the same evening because the family asked her to make it public.";

    /// <summary>The verdict on each line of <paramref name="text"/>, by its trimmed text (blank lines left out).</summary>
    private static List<(string Line, Furniture Mark)> Marks(string text)
    {
        var lines = TextLine.Split(text);
        var marks = FurnitureCleaner.Classify(text, lines);
        return [.. lines.Select((l, i) => (l.Of(text).Trim().ToString(), marks[i])).Where(p => p.Item1.Length > 0)];
    }

    private static Furniture MarkOf(List<(string Line, Furniture Mark)> marks, string line) =>
        marks.First(m => m.Line == line).Mark;

    [Fact]
    public void Currency_ticker_repeated_five_times_is_dropped()
    {
        string[] ticker = ["• KGS/USD = 0.01150 +0.1%", "• KZT/USD = 0.00193 -0.2%", "• TJS/USD = 0.09300 0%", "• UZS/USD = 0.00007 0%"];
        var text = string.Join("\n", Enumerable.Repeat(ticker, 5).SelectMany(t => t)) + "\n\n" + Prose + "\n";

        var marks = Marks(text);

        Assert.Equal(20, marks.Count(m => m.Line.Contains("/USD", StringComparison.Ordinal)));
        Assert.All(marks.Where(m => m.Line.Contains("/USD", StringComparison.Ordinal)), m => Assert.NotEqual(Furniture.None, m.Mark));
        Assert.Equal(Furniture.None, MarkOf(marks, Prose));
    }

    [Theory]
    [InlineData("KZT/USD = 0.00193")]
    [InlineData("• TJS/USD = 0.09300 +0.22%")]
    [InlineData("RUB/KGS: 1.0512")]
    public void A_single_ticker_line_is_a_ticker(string line) =>
        Assert.Equal(Furniture.Ticker, FurnitureCleaner.Judge(line));

    [Theory]
    [InlineData("Viewing results 1 - 6 of 256")]
    [InlineData("Showing 11 – 20 of 84")]
    [InlineData("Page 3 of 12")]
    [InlineData("« Older posts")]
    [InlineData("Next page »")]
    [InlineData("1 2 3 … 43 Next")]
    public void Paging_lines_are_dropped(string line) =>
        Assert.Equal(Furniture.Paging, FurnitureCleaner.Judge(line));

    [Theory]
    [InlineData("Leave a Reply")]
    [InlineData("Leave a comment")]
    [InlineData("Your email address will not be published. Required fields are marked *")]
    [InlineData("Comment *")]
    [InlineData("Name *")]
    [InlineData("Save my name, email, and website in this browser for the next time I comment.")]
    [InlineData("Post Comment")]
    public void Comment_form_lines_are_dropped(string line) =>
        Assert.Equal(Furniture.CommentForm, FurnitureCleaner.Judge(line));

    [Theory]
    [InlineData("Share")]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("Telegram | WhatsApp | Copy link")]
    [InlineData("Facebook Twitter LinkedIn")]
    [InlineData("Print this page")]
    public void Share_buttons_are_dropped(string line) =>
        Assert.Equal(Furniture.Sharing, FurnitureCleaner.Judge(line));

    [Fact]
    public void Staff_contact_block_with_names_email_and_phone_is_dropped()
    {
        const string text = """
            Kamila Yusupova, a lawyer in Samarkand, said the appeal would be heard in the regional court next month and that her client had lost eight kilograms in detention.

            Media contacts:
            Dilshod Ergashev
            Programme Officer, Central Asia
            Email: d.ergashev@example.org
            Phone: +998 71 200 40 50

            Nodira Alimova
            Email: n.alimova@example.org
            """;

        var marks = Marks(text);

        foreach (var line in new[] { "Media contacts:", "Dilshod Ergashev", "Programme Officer, Central Asia", "Email: d.ergashev@example.org", "Phone: +998 71 200 40 50", "Nodira Alimova", "Email: n.alimova@example.org" })
        {
            Assert.Equal(Furniture.Contact, MarkOf(marks, line));
        }
        Assert.Equal(Furniture.None, marks[0].Mark);
    }

    [Fact]
    public void Ordinary_prose_is_kept_even_when_it_talks_about_sharing_email_and_pages()
    {
        string[] paragraphs =
        [
            Prose,
            "The investigator told Yusupova by email that the file ran to 256 pages and that she could read it only at the prosecutor's office.",
            "Her client, the blogger Jasur Toshpulatov, had written about the demolition of the old quarter near the Registan for three years.",
            "Share prices of the construction company rose after the court hearing, a local economist noted.",
            "Contact with his family has been limited to one telephone call a month since November.",
        ];
        var text = string.Join("\n\n", paragraphs);

        var marks = Marks(text);

        Assert.Equal(paragraphs.Length, marks.Count);
        Assert.All(marks, m => Assert.Equal(Furniture.None, m.Mark));
    }

    [Fact]
    public void A_headline_repeated_in_a_listing_twice_is_kept()
    {
        // Pages often repeat a headline once in a "most read" box; only lines repeated three or more times are furniture.
        const string headline = "Blogger Jasur Toshpulatov detained in Samarkand";
        var text = $"{headline}\n\n{Prose}\n\nMost read\n{headline}\n";

        var marks = Marks(text);

        Assert.All(marks.Where(m => m.Line == headline), m => Assert.Equal(Furniture.None, m.Mark));
    }

    // Found by hand while bounding the cleaner: a 49-character line took 2.5 s, each extra "x " doubling it.
    [Fact]
    public void Share_button_look_alike_ending_in_prose_is_judged_in_linear_time()
    {
        var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
        var mark = FurnitureCleaner.Judge(string.Concat(Enumerable.Repeat("x ", 30)) + "!");
        var longMark = FurnitureCleaner.Judge(string.Concat(Enumerable.Repeat("x ", 499)) + "!");

        Assert.Equal(Furniture.None, mark);
        Assert.Equal(Furniture.None, longMark);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"judging took {clock.Elapsed}");
    }

    [Fact]
    public void Share_buttons_separated_by_spaces_and_bars_are_still_sharing()
    {
        Assert.Equal(Furniture.Sharing, FurnitureCleaner.Judge("Share on Facebook | Share on Twitter | Email"));
        Assert.Equal(Furniture.Sharing, FurnitureCleaner.Judge("Facebook Twitter Telegram WhatsApp"));
    }

    [Fact]
    public void Ten_megabyte_line_is_cleaned_in_linear_time_and_kept()
    {
        foreach (var unit in new[] { "x", "word ", "a@", "+1 " })
        {
            var text = string.Concat(Enumerable.Repeat(unit, 10_000_000 / unit.Length));

            var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
            var marks = FurnitureCleaner.Classify(text, TextLine.Split(text));

            Assert.Equal([Furniture.None], marks);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"a line of \"{unit}\" took {clock.Elapsed}");
        }
    }

    // Each line is just under the length rule: the e-mail rule used to retry from every letter of it.
    [Fact]
    public void Ten_megabytes_of_long_unbroken_words_are_cleaned_in_linear_time()
    {
        var line = new string('y', 999);
        var text = string.Join('\n', Enumerable.Repeat(line, 10_000));

        var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
        FurnitureCleaner.Classify(text, TextLine.Split(text));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cleaning took {clock.Elapsed}");
    }

    [Fact]
    public void Email_address_after_a_label_is_still_a_contact_detail()
    {
        Assert.Equal(Furniture.Contact, FurnitureCleaner.Judge("Press office:press.office@monitor.example.org"));
        Assert.Equal(Furniture.Contact, FurnitureCleaner.Judge("Write to desk@osh-bulletin.example"));
    }
}
