namespace Rapporteur.Store.Jobs;

/// <summary>Where a job stands. Stored by name, so the queue reads plainly in the database.</summary>
public enum JobState
{
    Waiting,
    Running,
    Done,
    Failed,
}
