using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Credentials.Migrations.Postgres.Migrations
{
    /// <summary>
    /// PostgreSQL only, no model change: the accounts table is vacuumed after a school's batch, its indexes with it, so
    /// that its pages become visible to all again and the searches read the indexes alone.
    /// </summary>
    /// <remarks>
    /// The searches count and page from the indexes (index-only scans), which need the table's pages marked visible to
    /// all; a notification rewrites its accounts and unmarks their pages until a vacuum. At 2 % of the rows (the
    /// previous setting), one school's 2,000 letters on an academy's 512,198 accounts never started one; and a vacuum
    /// that finds few dead rows skips the indexes (PostgreSQL 14+) and leaves those pages unmarked. That school's name
    /// search then read 2,000 rows from the table: 3,655 buffers instead of 441, and 1.9 ms of PostgreSQL per page
    /// instead of 1.3 (docs/performance.md, session 15). Now: after 500 rows + 0.2 % changed or inserted (about 1,500
    /// here), with the indexes.
    /// </remarks>
    public partial class VisibiliteComptes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Comptes" SET (
                    autovacuum_vacuum_threshold = 500, autovacuum_vacuum_scale_factor = 0.002,
                    autovacuum_vacuum_insert_threshold = 500, autovacuum_vacuum_insert_scale_factor = 0.002,
                    vacuum_index_cleanup = on);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Comptes" RESET (
                    autovacuum_vacuum_threshold, autovacuum_vacuum_insert_threshold, autovacuum_vacuum_insert_scale_factor,
                    vacuum_index_cleanup);
                ALTER TABLE "Comptes" SET (autovacuum_vacuum_scale_factor = 0.02);
                """);
        }
    }
}
