namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>The test classes that load the machine with large hostile inputs run one at a time, so their time bounds mean something.</summary>
[CollectionDefinition(Collection)]
public sealed class HostileInputs
{
    public const string Collection = "Hostile inputs";
}
