using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <summary>
    /// After any statement that updates, deletes or truncates practices, patients or coverages, whoever runs it, PostgreSQL
    /// notifies <c>dch_subject_changes</c> (with the table's name) at commit: the instances' copies of those rows are then out
    /// of date (<c>SubjectChanges</c>). Statement-level, so a bulk update sends one notification, not one per row; inserts
    /// send none, because a new row is in no copy yet.
    /// </summary>
    public partial class SubjectChangeNotifications : Migration
    {
        private static readonly string[] Tables = ["practices", "patients", "coverages"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION dch_notify_subject_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('dch_subject_changes', TG_TABLE_NAME);
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_notify_change AFTER UPDATE OR DELETE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION dch_notify_subject_change();
                    CREATE TRIGGER {table}_notify_truncate AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION dch_notify_subject_change();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_notify_truncate ON {table};
                    DROP TRIGGER {table}_notify_change ON {table};
                    """);
            }

            migrationBuilder.Sql("DROP FUNCTION dch_notify_subject_change();");
        }
    }
}
