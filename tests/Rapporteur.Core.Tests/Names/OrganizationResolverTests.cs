using Rapporteur.Core.Names;

namespace Rapporteur.Core.Tests.Names;

public sealed class OrganizationResolverTests
{
    private static IReadOnlyList<ResolvedOrganization> Resolve(params string[] names) =>
        OrganizationResolver.Resolve([.. names.Select((n, i) => new OrganizationRecord(i + 1, n))]);

    [Fact]
    public void Case_punctuation_a_leading_the_and_a_declared_acronym_do_not_separate()
    {
        var resolved = Resolve("Steppe Legal Aid Bureau", "the Steppe Legal Aid Bureau", "STEPPE LEGAL-AID BUREAU", "Steppe Legal Aid Bureau (SLAB)");

        var organisation = Assert.Single(resolved);
        Assert.Equal("Steppe Legal Aid Bureau", organisation.Name);
        Assert.Equal("SLAB", organisation.Acronym);
    }

    [Fact]
    public void An_acronym_alone_joins_the_long_name_that_declares_it()
    {
        var resolved = Resolve("Pamir Media Defence Fund (PMDF)", "PMDF", "Pamir Human Rights Centre");

        Assert.Equal(2, resolved.Count);
        Assert.Equal([0, 1], resolved[0].Records);
    }

    [Fact]
    public void An_acronym_alone_joins_the_long_name_whose_initials_it_is()
    {
        var resolved = Resolve("Valley Rights Watch", "VRW");

        Assert.Single(resolved);
    }

    [Fact]
    public void An_acronym_that_fits_two_organisations_joins_neither()
    {
        var resolved = Resolve("Khujand Press Centre", "Kulob Press Centre", "KPC");

        Assert.Equal(3, resolved.Count);
    }

    [Fact]
    public void Different_names_stay_different_organisations()
    {
        var resolved = Resolve("Ministry of Justice", "Ministry of Interior", "Ministry of Justice");

        Assert.Equal(2, resolved.Count);
    }
}
