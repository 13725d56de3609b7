using CsCheck;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing: seeds mutated by bit flips, insertions of format tokens, deletions,
/// truncation, splicing and repetition. Whatever comes out, each reader returns a read or a named
/// refusal within a time linear in its size, and every document character maps back to the same source character.
/// The long-running form is the bench's fuzz verb.
/// </summary>
[Collection(HostileInputs.Collection)]
public sealed class ReaderFuzzTests
{
    /// <summary>Two seconds, plus four a megabyte: reading is linear, and the HTML readability pass runs at about a megabyte a second.</summary>
    public static TimeSpan Bound(int bytes) => TimeSpan.FromSeconds(2 + (4.0 * bytes / 1_000_000));

    private static readonly Gen<Mutation> AnyMutation = Gen.OneOf<Mutation>(
        Gen.Select(Gen.Int, Gen.Int[0, 7], (at, bit) => (Mutation)new Mutation.Flip(at, bit)),
        Gen.Select(Gen.Int, Gen.Byte.Array[1, 8], (at, bytes) => (Mutation)new Mutation.Insert(at, bytes)),
        Gen.Select(Gen.Int, Gen.Int[0, Mutation.Tokens.Length - 1], (at, token) => (Mutation)new Mutation.InsertToken(at, token)),
        Gen.Select(Gen.Int, Gen.Int[1, 512], (at, length) => (Mutation)new Mutation.Delete(at, length)),
        Gen.Int.Select(at => (Mutation)new Mutation.Truncate(at)),
        Gen.Select(Gen.Int, Gen.Int, (at, otherAt) => (Mutation)new Mutation.Splice(at, otherAt)),
        Gen.Select(Gen.Int, Gen.Int[1, 256], Gen.Int[2, 2000], (at, length, times) => (Mutation)new Mutation.Repeat(at, length, times)));

    [Theory]
    [InlineData("text", 1500)]
    [InlineData("html", 400)]
    [InlineData("pdf", 1000)]
    [InlineData("feed", 1000)]
    [InlineData("any", 600)]
    public void Mutated_inputs_end_as_a_read_or_a_named_refusal_within_bounds(string name, int iterations)
    {
        var target = FuzzTarget.All.Single(t => t.Name == name);
        var seeds = FuzzSeeds.For(name, Path.Combine(RepositoryRoot.Path, "sample", "articles"));
        // The first read of each seed pays for JIT and lexicons; it must not count against the bound.
        foreach (var seed in seeds)
        {
            target.Check(seed.Bytes, seed.Name, TimeSpan.MaxValue, out _);
        }
        var cases = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, seeds.Count - 1], AnyMutation.Array[1, 4], (seed, other, mutations) => (Seed: seed, Other: other, Mutations: mutations));

        cases.Sample(
            c =>
            {
                var seed = seeds[c.Seed];
                var bytes = c.Mutations.Aggregate(seed.Bytes, (input, m) => m.Apply(input, seeds[c.Other].Bytes));
                var failure = target.Check(bytes, seed.Name, Bound(bytes.Length), out _);
                Assert.True(failure is null, $"{failure}\nseed {seed.Name}, input (base64): {(bytes.Length <= 4096 ? Convert.ToBase64String(bytes) : $"{bytes.Length} bytes")}");
            },
            iter: iterations,
            print: c => $"seed {seeds[c.Seed].Name}, other {seeds[c.Other].Name}, mutations {string.Join(", ", c.Mutations.Select(m => m.ToString()))}");
    }
}
