using Rapporteur.Core.Names;

namespace Rapporteur.Core.Tests.Names;

public sealed class NameKeyTests
{
    [Fact]
    public void Tajik_qof_written_in_Cyrillic_q_or_k_gives_one_key()
    {
        var cyrillic = NameKey.Of("Холиқбердиев");

        Assert.Equal(cyrillic, NameKey.Of("Kholiqberdiev"));
        Assert.Equal(cyrillic, NameKey.Of("Kholikberdiev"));
    }

    [Fact]
    public void Feminine_surname_ending_gives_a_different_key()
    {
        Assert.NotEqual(NameKey.Of("Karimov"), NameKey.Of("Karimova"));
    }

    [Theory]
    [InlineData("Rahimzoda", "Rahimzade")]
    [InlineData("Rahimzoda", "Rakhimzade")]
    [InlineData("Rahimzoda", "Rahimzada")]
    [InlineData("Рахимзода", "Rahimzade")]
    public void Zoda_and_zade_are_one_suffix(string a, string b) =>
        Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("Жураев", "Zhurayev")]
    [InlineData("Жураев", "Juraev")]
    [InlineData("Жураев", "Dzhuraev")]
    [InlineData("Хасанов", "Khasanov")]
    [InlineData("Хасанов", "Hasanov")]
    [InlineData("Хасанов", "Xasanov")]
    [InlineData("Ғуломов", "Ghulomov")]
    [InlineData("Ғуломов", "G‘ulomov")]
    public void Cyrillic_letters_meet_their_common_romanisations(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Fact]
    public void Letter_case_does_not_change_the_key() =>
        Assert.Equal(NameKey.Of("Karimov"), NameKey.Of("KARIMOV"));

    [Theory]
    [InlineData("Karimov", "Kamilov")]
    [InlineData("Yusupov", "Yunusov")]
    [InlineData("Rahimzoda", "Rahmonzoda")]
    public void Different_surnames_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("Оғабек", "Ogabek")]
    [InlineData("Ҳамроқулов", "Hamroqulov")]
    [InlineData("Ҷӯраев", "Juraev")]
    [InlineData("Сафарӣ", "Safari")]
    public void Tajik_letters_meet_their_romanisations(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Theory]
    [InlineData("Әсемгүл", "Asemgul")]
    [InlineData("Құлмұхамбет", "Kulmukhambet")]
    [InlineData("Өміржан", "Omirzhan")]
    [InlineData("Әсемгүл", "Äsemgül")]
    [InlineData("Ғабит", "Ğabit")]
    public void Kazakh_letters_meet_passport_and_2021_Latin_spellings(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Theory]
    [InlineData("Жээнбеков", "Zheenbekov")]
    [InlineData("Үмөтбаев", "Umotbaev")]
    [InlineData("Ысмайылов", "Ismailov")]
    public void Kyrgyz_letters_meet_their_romanisations(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Theory]
    [InlineData("Тошпўлатов", "Toshpoʻlatov")]
    [InlineData("Тошпўлатов", "Toshpo'latov")]
    [InlineData("Тошпўлатов", "Toshpo‘latov")]
    [InlineData("Тошпўлатов", "Toshpo’latov")]
    [InlineData("Тошпўлатов", "Toshpo`latov")]
    [InlineData("Тошпўлатов", "Toshpulatov")]
    [InlineData("Ғиёсов", "Gʻiyosov")]
    public void Uzbek_oʻ_and_gʻ_with_any_apostrophe_meet_the_Cyrillic(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Theory]
    [InlineData("Öwezmyradow", "Owezmyradov")]
    [InlineData("Meňliýew", "Mengliev")]
    [InlineData("Şirinow", "Shirinov")]
    [InlineData("Žumaýewa", "Zhumaeva")]
    [InlineData("Ärkaýew", "Arkaev")]
    public void Turkmen_Latin_meets_English_spellings(string turkmen, string english) =>
        Assert.Contains(NameKey.Readings(turkmen), k => NameKey.Readings(english).Contains(k));

    [Theory]
    [InlineData("Пётр", "Petr")]
    [InlineData("Пётр", "Pyotr")]
    [InlineData("Татьяна", "Tatiana")]
    [InlineData("Tatyana", "Tatiana")]
    [InlineData("Воробьёва", "Vorobyova")]
    [InlineData("Воробьева", "Vorob'eva")]
    [InlineData("Дмитрий", "Dmitry")]
    [InlineData("Дмитрий", "Dmitrii")]
    [InlineData("Юсупов", "Youssoupov")]
    [InlineData("Ершов", "Yershov")]
    [InlineData("Сергеевич", "Sergeyevich")]
    public void Russian_vowels_and_glides_meet_their_romanisations(string cyrillic, string latin) =>
        Assert.Equal(NameKey.Of(cyrillic), NameKey.Of(latin));

    [Theory]
    [InlineData("Said-Akhmed", "Saidakhmed")]
    [InlineData("Abdullaev", "Abdulaev")]
    [InlineData("Sharif-zoda", "Sharifzoda")]
    [InlineData("Alidzhon", "Alijon")]
    [InlineData("Alidjon", "Alijon")]
    [InlineData("Tsoy", "Tsoi")]
    public void Hyphens_doubled_letters_and_suffix_spellings_do_not_change_the_key(string a, string b) =>
        Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("Alexander", "Aleksander")]
    [InlineData("Sevinc", "Sevinj")]
    [InlineData("Olesja", "Olesya")]
    [InlineData("Zhanabaev", "Zhangabaev")]
    public void Ambiguous_Latin_letters_have_a_second_reading(string a, string b) =>
        Assert.Contains(NameKey.Readings(a), k => NameKey.Readings(b).Contains(k));

    [Fact]
    public void Primary_reading_comes_first() =>
        Assert.Equal(NameKey.Of("Xurshida"), NameKey.Readings("Xurshida")[0]);

    [Fact]
    public void Script_is_read_from_the_letters()
    {
        Assert.Equal(Rapporteur.Core.Domain.Script.Cyrillic, NameKey.ScriptOf("Холиқов"));
        Assert.Equal(Rapporteur.Core.Domain.Script.Latin, NameKey.ScriptOf("Məmmədov"));
        Assert.Equal(Rapporteur.Core.Domain.Script.Other, NameKey.ScriptOf("ՀովհաննիսյանCafe"));
    }

    [Fact]
    public void Spellings_normalise_case_and_spaces_only() =>
        Assert.Equal("oʻktam xoʻjayev", NameKey.Normalise("  Oʻktam \t XOʻJAYEV "));
}
