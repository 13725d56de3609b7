namespace Rapporteur.Tests;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds Rapporteur.slnx.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The shared corpus that sits beside the repository; a missing folder fails the test that needs it.</summary>
    public static string CorpusDocs
    {
        get
        {
            var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "corpus", "docs"));
            Assert.True(Directory.Exists(folder), $"the shared corpus is missing: expected {folder}");
            return folder;
        }
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Rapporteur.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Rapporteur.slnx above {AppContext.BaseDirectory}");
    }
}
