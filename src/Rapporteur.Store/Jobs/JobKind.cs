namespace Rapporteur.Store.Jobs;

/// <summary>What a job's target is: a file, an http(s) address (a page or a feed), or an item a feed carried.</summary>
public enum JobKind
{
    File,
    Url,
    Item,
}
