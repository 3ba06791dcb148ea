using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SeparerBlocageEtSortie : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BloqueLe",
                table: "Comptes",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BloquePar",
                table: "Comptes",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifBlocage",
                table: "Comptes",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // Existing data (issue 17): « Bloque » used to mean both « blocked by the school » and « left ».
            // A blocked account that has not left was blocked by the school: it gets BloqueLe and BloquePar.
            // Compte has no last-modification date, so BloqueLe is the time this migration runs.
            // A blocked account that HAS left is taken as blocked by leaving only: the old column cannot tell
            // whether the school had also blocked it, so such a pupil who comes back will be accessible again.
            // SQL Server: bit 1 is true, SYSUTCDATETIME() is the UTC instant (datetime2).
            migrationBuilder.Sql("""
                UPDATE [Comptes] SET [BloqueLe] = SYSUTCDATETIME(), [BloquePar] = N'avant la mise à jour' WHERE [Bloque] = 1 AND [DateSortie] IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BloqueLe",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "BloquePar",
                table: "Comptes");

            migrationBuilder.DropColumn(
                name: "MotifBlocage",
                table: "Comptes");
        }
    }
}
