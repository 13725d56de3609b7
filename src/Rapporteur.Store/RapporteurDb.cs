using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Audit;
using Rapporteur.Store.Feeds;
using Rapporteur.Store.Jobs;
using Rapporteur.Store.Names;

namespace Rapporteur.Store;

/// <summary>The store's model, shared by the provider-specific contexts.</summary>
public abstract class RapporteurDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<SourceRow> Sources => Set<SourceRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<FailureRow> Failures => Set<FailureRow>();
    public DbSet<SuggestionRow> Suggestions => Set<SuggestionRow>();
    public DbSet<PersonEntityRow> PersonEntities => Set<PersonEntityRow>();
    public DbSet<PersonNameRow> PersonNames => Set<PersonNameRow>();
    public DbSet<NameJudgementRow> NameJudgements => Set<NameJudgementRow>();
    public DbSet<OrganizationEntityRow> OrganizationEntities => Set<OrganizationEntityRow>();
    public DbSet<OrganizationNameRow> OrganizationNames => Set<OrganizationNameRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<PendingNamesRow> NamesPending => Set<PendingNamesRow>();
    public DbSet<PendingExtractionRow> ExtractionPending => Set<PendingExtractionRow>();
    public DbSet<DocumentMentionsRow> DocumentMentions => Set<DocumentMentionsRow>();
    public DbSet<FeedRow> Feeds => Set<FeedRow>();

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
        modelBuilder.Entity<PendingNamesRow>(e =>
        {
            e.ToTable("names_pending");
            e.HasKey(p => p.DocumentId);
            e.Property(p => p.DocumentId).ValueGeneratedNever();
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DocumentMentionsRow>(e =>
        {
            e.ToTable("document_mentions");
            e.HasKey(m => m.DocumentId);
            e.Property(m => m.DocumentId).ValueGeneratedNever();
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PendingExtractionRow>(e =>
        {
            e.ToTable("extraction_pending");
            e.HasKey(p => p.DocumentId);
            e.Property(p => p.DocumentId).ValueGeneratedNever();
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SuggestionRow>(e =>
        {
            e.ToTable("suggestions");
            e.HasIndex(m => new { m.DocumentId, m.Status });
            e.HasIndex(m => m.Subject);
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PersonEntityRow>(e =>
        {
            e.ToTable("person_entities");
            // Ids are chosen by resolution, which keeps a person's id across recomputations.
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasMany(p => p.Names).WithOne(n => n.Entity).HasForeignKey(n => n.EntityId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PersonNameRow>(e =>
        {
            e.ToTable("person_names");
            e.HasIndex(n => n.EntityId);
            e.HasIndex(n => n.Normalised);
            e.HasIndex(n => n.Key);
            e.HasIndex(n => n.SurnameKey);
            e.HasIndex(n => n.DocumentId);
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OrganizationEntityRow>(e =>
        {
            e.ToTable("organization_entities");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasMany(o => o.Names).WithOne(n => n.Entity).HasForeignKey(n => n.EntityId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OrganizationNameRow>(e =>
        {
            e.ToTable("organization_names");
            e.HasIndex(n => n.EntityId);
            e.HasIndex(n => n.Name);
            e.HasOne<DocumentRow>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NameJudgementRow>(e =>
        {
            e.ToTable("name_judgements");
            e.HasIndex(j => new { j.ANormalised, j.BNormalised }).IsUnique();
        });
        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
        });
        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable("jobs");
            // By name, so the queue can be read (and claimed with plain SQL) without a lookup table.
            e.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(j => new { j.State, j.NextAttemptAt });
            e.HasIndex(j => new { j.Kind, j.Target });
        });
        modelBuilder.Entity<FeedRow>(e =>
        {
            e.ToTable("feeds");
            e.HasIndex(f => f.Url).IsUnique();
            e.HasIndex(f => f.NextPollAt);
        });
    }
}
