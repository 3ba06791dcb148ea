using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.SqlServer.Migrations
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
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DureeLienActivationJours",
                table: "Etablissements",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ModeCourriel",
                table: "Etablissements",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Relances",
                table: "Etablissements",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DateDerniereRelance",
                table: "Comptes",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinValidite",
                table: "Comptes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Langue",
                table: "Comptes",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LienEmisLe",
                table: "Comptes",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LienExpireLe",
                table: "Comptes",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LienHash",
                table: "Comptes",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LienObjet",
                table: "Comptes",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Relances",
                table: "Comptes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EtablissementId = table.Column<int>(type: "int", nullable: false),
                    EvenementId = table.Column<long>(type: "bigint", nullable: false),
                    Auteur = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Date = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NomFichier = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    TypeContenu = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ContenuChiffre = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Bilan = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Retour = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Telecharge = table.Column<bool>(type: "bit", nullable: false)
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
                unique: true,
                filter: "[LienHash] IS NOT NULL");

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
