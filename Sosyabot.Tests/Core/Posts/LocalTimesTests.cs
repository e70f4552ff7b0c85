using Sosyabot.Core;
using Sosyabot.Core.Posts;

namespace Sosyabot.Tests.Core.Posts;

public class LocalTimesTests
{
    [Fact]
    public void An_ordinary_local_time_is_the_instant_it_names()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), LocalTimes.ToUtc(new DateTime(2026, 7, 1, 10, 0, 0), "Europe/Istanbul"));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused_naming_the_valid_times_either_side()
    {
        // Berlin springs forward from 02:00 to 03:00 on 29 March 2026.
        var error = Assert.Throws<InvalidRequestException>(() => LocalTimes.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), "Europe/Berlin"));
        Assert.Contains("2026-03-29 02:30 does not exist in Europe/Berlin", error.Message);
        Assert.Contains("2026-03-29 01:59 and 2026-03-29 03:00", error.Message);
    }

    [Fact]
    public void A_time_the_clocks_repeat_means_its_first_occurrence()
    {
        // Berlin falls back from 03:00 to 02:00 on 25 October 2026: 02:30 happens at 00:30 and 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), LocalTimes.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), "Europe/Berlin"));
        // New York: 01:30 on 1 November 2026 is first at 05:30 UTC (EDT).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), LocalTimes.ToUtc(new DateTime(2026, 11, 1, 1, 30, 0), "America/New_York"));
    }

    [Fact]
    public void A_zone_that_is_not_iana_is_refused()
    {
        Assert.Throws<InvalidRequestException>(() => LocalTimes.ToUtc(new DateTime(2026, 7, 1, 10, 0, 0), "Mars/Olympus"));
    }
}
