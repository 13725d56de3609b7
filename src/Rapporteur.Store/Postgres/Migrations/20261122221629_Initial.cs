using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapporteur.Store.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Record = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: true),
                    Problem = table.Column<string>(type: "text", nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "name_judgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    A = table.Column<string>(type: "text", nullable: false),
                    B = table.Column<string>(type: "text", nullable: false),
                    ANormalised = table.Column<string>(type: "text", nullable: false),
                    BNormalised = table.Column<string>(type: "text", nullable: false),
                    AKey = table.Column<string>(type: "text", nullable: false),
                    BKey = table.Column<string>(type: "text", nullable: false),
                    Verdict = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_name_judgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organization_entities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    Acronym = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_entities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    Gender = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    MediaType = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    CapturedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Publisher = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "text", nullable: true),
                    Sensitivity = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    ByteCount = table.Column<long>(type: "bigint", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    OffsetMap = table.Column<string>(type: "text", nullable: false),
                    Published = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "text", nullable: true),
                    Mentions = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organization_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    EvidenceStart = table.Column<int>(type: "integer", nullable: false),
                    EvidenceLength = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organization_names_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_organization_names_organization_entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "organization_entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    Spelling = table.Column<string>(type: "text", nullable: false),
                    Normalised = table.Column<string>(type: "text", nullable: false),
                    Script = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    SurnameKey = table.Column<string>(type: "text", nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    SuggestionId = table.Column<long>(type: "bigint", nullable: true),
                    EvidenceStart = table.Column<int>(type: "integer", nullable: false),
                    EvidenceLength = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_names_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_person_names_person_entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "person_entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Predicate = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: true),
                    Value = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<string>(type: "text", nullable: true),
                    EvidenceStart = table.Column<int>(type: "integer", nullable: false),
                    EvidenceLength = table.Column<int>(type: "integer", nullable: false),
                    Quote = table.Column<string>(type: "text", nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    ExtractorVersion = table.Column<string>(type: "text", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Sensitivity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_suggestions_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_SourceId_Ordinal",
                table: "documents",
                columns: new[] { "SourceId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_name_judgements_ANormalised_BNormalised",
                table: "name_judgements",
                columns: new[] { "ANormalised", "BNormalised" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organization_names_DocumentId",
                table: "organization_names",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_organization_names_EntityId",
                table: "organization_names",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_organization_names_Name",
                table: "organization_names",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_DocumentId",
                table: "person_names",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_EntityId",
                table: "person_names",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_Key",
                table: "person_names",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_Normalised",
                table: "person_names",
                column: "Normalised");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_SurnameKey",
                table: "person_names",
                column: "SurnameKey");

            migrationBuilder.CreateIndex(
                name: "IX_sources_Origin",
                table: "sources",
                column: "Origin");

            migrationBuilder.CreateIndex(
                name: "IX_sources_ParentId",
                table: "sources",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_sources_Sha256",
                table: "sources",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_suggestions_DocumentId_Status",
                table: "suggestions",
                columns: new[] { "DocumentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestions_Subject",
                table: "suggestions",
                column: "Subject");

            // Full-text search: a tsvector generated from title (weight A) and text (weight B), kept
            // by the database itself in the same statement as the row, with a GIN index over it.
            // The configuration is 'simple' (no stemming, lower case) with accents removed, as FTS5's
            // unicode61 tokenizer with remove_diacritics does on SQLite. unaccent is a trusted
            // extension: the database's owner may create it without being a superuser.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION rapporteur_search (COPY = simple);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION rapporteur_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;");
            migrationBuilder.Sql("""
                ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('rapporteur_search', coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('rapporteur_search', "Text"), 'B')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX documents_search ON documents USING GIN (search);");

            // The audit log is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END;
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_truncate ON audit;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete ON audit;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update ON audit;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_append_only();");
            migrationBuilder.Sql("DROP INDEX IF EXISTS documents_search;");
            migrationBuilder.Sql("ALTER TABLE documents DROP COLUMN IF EXISTS search;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS rapporteur_search;");

            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "failures");

            migrationBuilder.DropTable(
                name: "name_judgements");

            migrationBuilder.DropTable(
                name: "organization_names");

            migrationBuilder.DropTable(
                name: "person_names");

            migrationBuilder.DropTable(
                name: "suggestions");

            migrationBuilder.DropTable(
                name: "organization_entities");

            migrationBuilder.DropTable(
                name: "person_entities");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "sources");
        }
    }
}
