namespace Rapporteur.Store.Names;

/// <summary>One spelling of a person in one document, with where it is written: the evidence that the person is named so.</summary>
public sealed class PersonNameRow
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public PersonEntityRow? Entity { get; set; }
    /// <summary>The spelling as written.</summary>
    public required string Spelling { get; set; }
    /// <summary>The spelling as lookups and judgements compare it (NFC, single spaces, lower case).</summary>
    public required string Normalised { get; set; }
    /// <summary>"latin", "cyrillic" or "other".</summary>
    public required string Script { get; set; }
    /// <summary>The name's key: given name and surname keys, the same across scripts and romanisations.</summary>
    public required string Key { get; set; }
    /// <summary>The surname's key alone, so a search for one word finds the person.</summary>
    public required string SurnameKey { get; set; }
    public long DocumentId { get; set; }
    /// <summary>The person suggestion the spelling came from.</summary>
    public long? SuggestionId { get; set; }
    public int EvidenceStart { get; set; }
    public int EvidenceLength { get; set; }
}
