using F23.StringSimilarity;

namespace Rapporteur.Core.Names;

/// <summary>
/// What it costs to turn one name key into another, letter by letter, where spellings of one
/// name differ for known reasons: cheap for the variants romanisation and the languages
/// themselves produce, a full letter for anything else. Fed to a weighted Levenshtein distance.
/// </summary>
public sealed class RomanisationCosts : ICharacterSubstitution, ICharacterInsDel
{
    public static RomanisationCosts Instance { get; } = new();

    /// <summary>The lowest cost of inserting or deleting a letter: with it, a length difference alone bounds a distance.</summary>
    public const double CheapestEdit = 0.35;

    public double Cost(char c1, char c2)
    {
        if (c1 == c2)
        {
            return 0;
        }
        var (x, y) = c1 < c2 ? (c1, c2) : (c2, c1);
        return (x, y) switch
        {
            // Tajik and Uzbek o where Russian writes a (Ismoilov, Ismailov; Nodira, Nadira).
            ('a', 'o') => 0.3,
            // Tajik e where Uzbek writes i (Jamshed, Jamshid; Umeda, Umida).
            ('e', 'i') => 0.3,
            // Uzbek oʻ/ў read o or u (Xoʻjayev, Khodjaev, Khujaev).
            ('o', 'u') => 0.3,
            // Azerbaijani ə is a in English and e in Russian (Məmmədzadə, Mammadzada, Mamedzade).
            ('a', 'e') => 0.4,
            // Russian ё is yo or e, Uzbek ё after i is o or e (Bakhtiyor, Bakhtier).
            ('e', 'o') => 0.4,
            // Turkmen and Kyrgyz ы is y; Russian forms often have u (Yazmyradow, Yazmuradov).
            ('i', 'u') => 0.7,
            // Russian г stands for a foreign h (Hüseynova, Гусейнова).
            ('g', 'h') => 0.4,
            // Azerbaijani q and Turkmen g are Russian к (Qurbanli, Gurbanli, Курбанли; Gurbanow, Курбанов).
            ('g', 'k') => 0.4,
            // Arabic f written p in Turkic forms (Yusuf, Yusup).
            ('f', 'p') => 0.4,
            // Azerbaijani c is j (Sevinc, Sevinj).
            ('c', 'j') => 0.5,
            // Turkic final devoicing (Nurmuhammed, Nurmuhammet; Murad, Myrat).
            ('d', 't') => 0.4,
            ('b', 'p') => 0.5,
            _ => 1.0,
        };
    }

    // Dropped h (Manuchehr, Manucher; Anahit, Anait) and a dropped i glide (Tatiana, Tatyana)
    // are spelling habits; a dropped vowel is a near miss; a dropped consonant is another name.
    public double DeletionCost(char c) => c switch
    {
        'h' => CheapestEdit,
        'i' => 0.4,
        'a' or 'e' or 'o' or 'u' => 0.5,
        _ => 1.0,
    };

    public double InsertionCost(char c) => DeletionCost(c);
}
