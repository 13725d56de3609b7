using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Store;

/// <summary>The store's model, shared by the provider-specific contexts.</summary>
public abstract class RapporteurDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<SourceRow> Sources => Set<SourceRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<FailureRow> Failures => Set<FailureRow>();
    public DbSet<SuggestionRow> Suggestions => Set<SuggestionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SourceRow>(e =>
        {
            e.ToTable("sources");
            e.HasIndex(s => s.Sha256).IsUnique();
            e.HasIndex(s => s.Origin);
            e.HasIndex(s => s.ParentId);
            e.HasMany(s => s.Documents).WithOne(d => d.Source).HasForeignKey(d => d.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DocumentRow>(e =>
        {
            e.ToTable("documents");
            e.HasIndex(d => new { d.SourceId, d.Ordinal }).IsUnique();
        });
        modelBuilder.Entity<FailureRow>(e => e.ToTable("failures"));
        modelBuilder.Entity<SuggestionRow>(e =>
        {
            e.ToTable("suggestions");
            e.HasIndex(m => new { m.DocumentId, m.Status });
            e.HasIndex(m => m.Subject);
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
