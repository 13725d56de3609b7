namespace Rapporteur.Core.Names;

/// <summary>A person's decision about two spellings.</summary>
public enum Verdict
{
    Same,
    Different,
}
