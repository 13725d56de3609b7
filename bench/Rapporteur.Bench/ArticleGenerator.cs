using System.Globalization;
using System.Text;

namespace Rapporteur.Bench;

/// <summary>
/// Generates fictional news articles of about 4 KB: invented people and organisations, real
/// places, and paragraphs drawn from a pool (arrest, charge, closed trial, sentence, appeal,
/// search, statement, NGO closure, call to action), so that no two articles read alike.
/// </summary>
public sealed class ArticleGenerator(int seed)
{
    private static readonly string[] Given = ["Dilorom", "Farrukh", "Nargiza", "Bakhtiyor", "Aigerim", "Yerlan", "Gulnara", "Timur", "Zarina", "Azamat", "Mehriniso", "Sherzod", "Nodira", "Kanat", "Asel", "Daler", "Parviz", "Feruza", "Bolot", "Chynara"];
    private static readonly string[] Surname = ["Karimov", "Rakhimova", "Saidov", "Nazarova", "Yusupov", "Toshmatova", "Abdulloev", "Sharipova", "Mirzoev", "Kurbanova", "Sadykov", "Ismoilova", "Nurmatzoda", "Alidodova", "Bekmuratov", "Zhaksylykova"];
    private static readonly string[] City = ["Dushanbe", "Khorog", "Khujand", "Bishkek", "Osh", "Almaty", "Astana", "Tashkent", "Nukus", "Samarkand", "Ashgabat", "Shymkent"];
    private static readonly string[] Month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Role = ["journalist", "lawyer", "blogger", "human rights defender", "activist"];
    private static readonly string[] Group = ["Steppe Legal Aid Bureau", "Pamir Rights Initiative", "Open Valley Media Centre", "Fergana Monitoring Group", "Caspian Freedom Network", "Alatau Civic Forum"];
    private static readonly string[] Charge = ["extremism", "inciting hatred", "fraud", "treason", "organising mass disorder", "spreading false information"];
    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>Article number <paramref name="number"/>: the same text for the same seed and number, from any thread.</summary>
    public string Next(int number)
    {
        var random = new Random(unchecked(seed * 1_000_003 + number));
        T Pick<T>(T[] items) => ArticleGenerator.Pick(random, items);
        var person = $"{Pick(Given)} {Pick(Surname)}";
        var surname = person.Split(' ')[1];
        var city = Pick(City);
        var year = 2020 + random.Next(6);
        var date = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 28)} {Pick(Month)} {year}");
        var speaker = $"{Pick(Given)} {Pick(Surname)}";
        var group = Pick(Group);
        var years = random.Next(2, 16);
        var article = random.Next(150, 400);
        var text = new StringBuilder(4600);
        text.Append(CultureInfo.InvariantCulture, $"{city} court jails {Pick(Role)} {person} for {years} years (report {number})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{city.ToUpperInvariant()} - {person}, a {Pick(Role)} from {city}, was detained by security officers on {date} and charged under Article {article} of the Criminal Code with {Pick(Charge)}. ");
        text.Append(CultureInfo.InvariantCulture, $"After a closed trial held in a detention centre, the city court sentenced {surname} to {years} years in prison in {Pick(Month)} {year + 1}.\n\n");
        var paragraphs = new Func<string>[]
        {
            () => $"“The case against {surname} is built on nothing but his work,” said {speaker}, director of the {group}. “Every document the prosecution showed the court was a post, a photograph or an interview.” ",
            () => $"Relatives say {surname} has been held in pre-trial detention for {random.Next(2, 20)} months and was denied access to a lawyer of his choice. His wife was allowed one visit of twenty minutes, in the presence of a guard. ",
            () => $"The {group} called on the authorities to release {person} immediately and to drop all charges. It also asked the UN Special Rapporteur on human rights defenders to raise the case with the government. ",
            () => $"Observers in {Pick(City)} noted that hearings were postponed several times and that the defence was not allowed to call witnesses. The judge refused a request to let journalists and diplomats attend. ",
            () => $"On {random.Next(1, 28)} {Pick(Month)} police searched the office of the {group} in {Pick(City)} and confiscated two laptops, phones and paper files. Officers did not show a warrant, according to staff. ",
            () => $"The prosecution had asked for {years + random.Next(1, 4)} years. The defence appealed, and the regional court upheld the verdict on {random.Next(1, 28)} {Pick(Month)} {year + 1} after a hearing that lasted less than an hour. ",
            () => $"In {year - 1}, the Ministry of Justice liquidated {random.Next(20, 700)} non-governmental organisations in {random.Next(6, 24)} months, among them groups that documented torture in prisons and gave free legal advice. ",
            () => $"{Pick(Given)} {Pick(Surname)}, a lawyer who represented {surname} until {Pick(Month)}, was herself summoned for questioning under Article {random.Next(150, 400)} and told to stop speaking to foreign media. ",
            () => $"Supporters are asked to write to the Prosecutor General and the Ombudsperson, to send a postcard to {surname} in prison, and to share the appeal. Letters should be polite and mention his health. ",
        };
        var order = Enumerable.Range(0, paragraphs.Length).OrderBy(_ => random.Next()).ToArray();
        for (var p = 0; p < 10; p++)
        {
            text.Append(paragraphs[order[p % order.Length]]());
            text.Append(paragraphs[order[(p + 3) % order.Length]]());
            text.Append("\n\n");
        }
        return text.ToString();
    }
}
