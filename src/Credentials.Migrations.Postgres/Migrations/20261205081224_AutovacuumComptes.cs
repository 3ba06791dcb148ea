using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.Postgres.Migrations
{
    /// <summary>
    /// PostgreSQL only, no model change: the accounts table is vacuumed and analysed once 2 % of its rows changed, not
    /// the default 20 %. Every notification rewrites the rows it touches; on an academy's 500,000 accounts the default
    /// let 84,511 dead rows of one school pile up and its name search fall from 170 to 40 requests/s
    /// (docs/performance.md, session 8).
    /// </summary>
    public partial class AutovacuumComptes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Comptes" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Comptes" RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);""");
        }
    }
}
