using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndexPageComptes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comptes_EtablissementId_Profil_Nom_Prenom",
                table: "Comptes");

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_Profil_Nom_Prenom_Id",
                table: "Comptes",
                columns: new[] { "EtablissementId", "Profil", "Nom", "Prenom", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "Recherche", "Etat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comptes_EtablissementId_Profil_Nom_Prenom_Id",
                table: "Comptes");

            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_Profil_Nom_Prenom",
                table: "Comptes",
                columns: new[] { "EtablissementId", "Profil", "Nom", "Prenom" });
        }
    }
}
