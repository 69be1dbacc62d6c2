namespace SafeHarbor.Calendar;

/// <summary>
/// The date of 清明 (Qingming), the solar term at which the Sun's apparent ecliptic longitude reaches
/// 15°, as a civil date in China (UTC+8). 清明节 is a statutory holiday on that day.
/// </summary>
/// <remarks>
/// The Sun's position follows the low-precision theory of J. Meeus, <i>Astronomical Algorithms</i>
/// (2nd ed., ch. 25: geometric mean longitude, mean anomaly, equation of the centre, then nutation
/// and aberration for the apparent longitude), about 0.01° or some 15 minutes. Over the years the
/// Chinese lunisolar calendar of .NET covers (to 2100), no 清明 of the law falls that close to
/// midnight in Beijing; a unit test checks every year from 1990 to 2100 against an independent
/// ephemeris and the shipped notices.
/// </remarks>
public static class SolarTerms
{
    private const double J2000 = 2451545.0;
    private const double DegreesPerDay = 360.0 / 365.2422;

    /// <summary>清明 of <paramref name="year"/>: the Beijing date on which the apparent solar longitude reaches 15°.</summary>
    public static DateOnly Qingming(int year) => ChinaDateOf(year, longitude: 15.0, nearMonth: 4, nearDay: 5);

    /// <summary>The instant (UTC) the apparent solar longitude reaches <paramref name="longitude"/> degrees near the given day.</summary>
    internal static DateTime InstantOf(int year, double longitude, int nearMonth, int nearDay)
    {
        double jde = JulianDay(new DateTime(year, nearMonth, nearDay, 0, 0, 0, DateTimeKind.Utc));
        for (int i = 0; i < 20; i++)
        {
            double step = Normalize180(longitude - ApparentLongitude(jde)) / DegreesPerDay;
            jde += step;
            if (Math.Abs(step) < 1e-7)
            {
                break;
            }
        }

        double ut = jde - DeltaTSeconds(year) / 86400.0;
        return FromJulianDay(ut);
    }

    private static DateOnly ChinaDateOf(int year, double longitude, int nearMonth, int nearDay) =>
        DateOnly.FromDateTime(InstantOf(year, longitude, nearMonth, nearDay).AddHours(8));

    /// <summary>Apparent geocentric ecliptic longitude of the Sun, degrees, at Julian Ephemeris Day <paramref name="jde"/>.</summary>
    internal static double ApparentLongitude(double jde)
    {
        double t = (jde - J2000) / 36525.0;
        double meanLongitude = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        double meanAnomaly = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        double centre = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly))
            + (0.000289 * Math.Sin(3 * meanAnomaly));
        double ascendingNode = Radians(125.04 - (1934.136 * t));
        double apparent = meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(ascendingNode));
        return Normalize360(apparent);
    }

    /// <summary>
    /// ΔT = TT − UT in seconds: the observed value near 2000 and the usual polynomial extrapolations after
    /// it (Espenak and Meeus). A minute's error here moves the instant by a minute, far inside the margin.
    /// </summary>
    internal static double DeltaTSeconds(int year)
    {
        double y = year + 0.5;
        if (y < 2005)
        {
            double t = y - 2000;
            return 63.86 + (0.3345 * t) - (0.060374 * t * t);
        }

        if (y < 2050)
        {
            double t = y - 2000;
            return 62.92 + (0.32217 * t) + (0.005589 * t * t);
        }

        double u = (y - 1820) / 100;
        return -20 + (32 * u * u) - (0.5628 * (2150 - y));
    }

    private static double JulianDay(DateTime utc) => (utc - DateTime.UnixEpoch).TotalDays + 2440587.5;

    private static DateTime FromJulianDay(double jd) => DateTime.UnixEpoch.AddDays(jd - 2440587.5);

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double Normalize360(double degrees)
    {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private static double Normalize180(double degrees)
    {
        double d = Normalize360(degrees);
        return d > 180.0 ? d - 360.0 : d;
    }
}
