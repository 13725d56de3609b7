using System.Globalization;
using System.Text;

namespace Rapporteur.Bench;

/// <summary>Generates fictional news articles of about 4 KB from templates: invented people, real places, varied events.</summary>
public sealed class ArticleGenerator(int seed)
{
    private static readonly string[] Given = ["Dilorom", "Farrukh", "Nargiza", "Bakhtiyor", "Aigerim", "Yerlan", "Gulnara", "Timur", "Zarina", "Azamat", "Mehriniso", "Sherzod", "Nodira", "Kanat", "Asel", "Daler", "Parviz", "Feruza", "Bolot", "Chynara"];
    private static readonly string[] Surname = ["Karimov", "Rakhimova", "Saidov", "Nazarova", "Yusupov", "Toshmatova", "Abdulloev", "Sharipova", "Mirzoev", "Kurbanova", "Sadykov", "Ismoilova", "Nurmatzoda", "Alidodova", "Bekmuratov", "Zhaksylykova"];
    private static readonly string[] City = ["Dushanbe", "Khorog", "Khujand", "Bishkek", "Osh", "Almaty", "Astana", "Tashkent", "Nukus", "Samarkand", "Ashgabat", "Shymkent"];
    private static readonly string[] Month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Role = ["journalist", "lawyer", "blogger", "human rights defender", "activist"];
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
        var years = random.Next(2, 16);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{city} court jails {Pick(Role)} {person} for {years} years (report {number})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{city.ToUpperInvariant()} - {person}, a {Pick(Role)} from {city}, was detained by security officers on {date} and charged under Article {random.Next(150, 400)} of the Criminal Code. ");
        text.Append(CultureInfo.InvariantCulture, $"After a closed trial held in a detention centre, the city court sentenced {surname} to {years} years in prison in {Pick(Month)} {year + 1}.\n\n");
        for (var p = 0; p < 6; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"“The case against {surname} is built on nothing but his work,” said {speaker}, director of the Steppe Legal Aid Bureau. ");
            text.Append(CultureInfo.InvariantCulture, $"Relatives say {surname} has been held in pre-trial detention for {random.Next(2, 20)} months and was denied access to a lawyer of his choice. ");
            text.Append(CultureInfo.InvariantCulture, $"The organisation called on the authorities to release {person} immediately and to drop all charges. ");
            text.Append(CultureInfo.InvariantCulture, $"Observers in {Pick(City)} noted that hearings were postponed several times and that the defence was not allowed to call witnesses.\n\n");
        }
        return text.ToString();
    }
}
