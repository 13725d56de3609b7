namespace Rapporteur.Core.Domain;

/// <summary>Who may see a record: public pages show only <see cref="Public"/>.</summary>
public enum Sensitivity
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
}
