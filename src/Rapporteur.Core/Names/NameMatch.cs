namespace Rapporteur.Core.Names;

/// <summary>How two names compare: a score in 0..1 and the decision, with the rule that settled it.</summary>
/// <param name="Score">0.5 and above is "same"; below is "different".</param>
/// <param name="Conflict">True when something the names state rules them apart (gender, initials, patronymic, given name), not just weak similarity.</param>
/// <param name="Reason">The rule that decided, for people reading a decision.</param>
public readonly record struct NameMatch(double Score, bool Conflict, string Reason)
{
    public bool Same => Score >= NameMatcher.Threshold;
}
