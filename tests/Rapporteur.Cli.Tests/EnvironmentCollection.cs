namespace Rapporteur.Cli.Tests;

/// <summary>Tests that set process environment variables, which every other test would see: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}
