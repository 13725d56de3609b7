using System.Diagnostics;

namespace Rapporteur.Core.Tests.Fuzz;

public sealed class ThreadClockTests
{
    [Fact]
    public void Waiting_costs_no_processor_time_and_working_does()
    {
        var waited = ThreadClock.Start();
        Thread.Sleep(300);
        var worked = ThreadClock.Start();
        var wall = Stopwatch.StartNew();
        while (wall.ElapsedMilliseconds < 200)
        {
            Thread.SpinWait(1000);
        }

        Assert.True(waited.IsProcessorTime, "this system should count a thread's processor time");
        Assert.True(worked.Elapsed >= TimeSpan.FromMilliseconds(50), $"200 ms of spinning counted {worked.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(waited.Elapsed - worked.Elapsed < TimeSpan.FromMilliseconds(100), $"300 ms of sleep counted {(waited.Elapsed - worked.Elapsed).TotalMilliseconds:0} ms");
    }
}
