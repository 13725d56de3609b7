using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Organizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organization_entities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organization_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceStart = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceLength = table.Column<int>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_names");

            migrationBuilder.DropTable(
                name: "organization_entities");
        }
    }
}
