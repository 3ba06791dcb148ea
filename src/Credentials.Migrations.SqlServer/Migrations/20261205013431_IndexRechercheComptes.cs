using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndexRechercheComptes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Comptes_EtablissementId_Profil_Recherche",
                table: "Comptes",
                columns: new[] { "EtablissementId", "Profil", "Recherche" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comptes_EtablissementId_Profil_Recherche",
                table: "Comptes");
        }
    }
}
