namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// The test classes that load the machine with large hostile inputs, or bound the time of a
/// linear algorithm, run alone, after the others, so that their time bounds mean something.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class HostileInputs
{
    public const string Collection = "Hostile inputs";
}
