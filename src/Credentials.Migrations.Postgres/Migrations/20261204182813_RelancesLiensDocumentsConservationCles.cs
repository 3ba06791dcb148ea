using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Credentials.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RelancesLiensDocumentsConservationCles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactDonneesPersonnelles",
                table: "Etablissements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DureeLienActivationJours",
                table: "Etablissements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ModeCourriel",
                table: "Etablissements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Relances",
                table: "Etablissements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DateDerniereRelance",
                table: "Comptes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinValidite",
                table: "Comptes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Langue",
                table: "Comptes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LienEmisLe",
                table: "Comptes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LienExpireLe",
                table: "Comptes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LienHash",
                table: "Comptes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LienObjet",
                table: "Comptes",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Relances",
                table: "Comptes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentsConserves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EtablissementId = table.Column<int>(type: "integer", nullable: false),
                    EvenementId = table.Column<long>(type: "bigint", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContenuChiffre = table.Column<byte[]>(type: "bytea", nullable: false),
                    Bilan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Retour = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Telecharge = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentsConserves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentsConserves_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentsConserves_Evenements_EvenementId",
                        column: x => x.EvenementId,
                        principalTable: "Evenements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_LienHash",
                table: "Comptes",
                column: "LienHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsConserves_EtablissementId",
                table: "DocumentsConserves",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsConserves_EvenementId",
                table: "DocumentsConserves",
                column: "EvenementId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsConserves_ExpireLe",
                table: "DocumentsConserves",
                column: "ExpireLe");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DocumentsConserves");

            migrationBuilder.DropIndex(
                name: "IX_Comptes_LienHash",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "ContactDonneesPersonnelles",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "DureeLienActivationJours",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "ModeCourriel",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "Relances",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "DateDerniereRelance",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "FinValidite",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "Langue",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "LienEmisLe",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "LienExpireLe",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "LienHash",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "LienObjet",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "Relances",
                table: "Comptes");
        }
    }
}
