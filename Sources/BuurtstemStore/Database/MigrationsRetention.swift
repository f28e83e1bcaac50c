import GRDB

extension Migrations {
    /// Migrations from v13 on (the first file was full).
    static func registerRetention(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13 presence lists summarised when the retention rule removes them") { db in
            try db.execute(
                sql: """
                    -- What an assembly's presence list, proxies and frozen electorate counted, kept when
                    -- `purge` removes the lists themselves (the minutes, the quorum and the compliance of
                    -- that year are read from these counts from then on).
                    CREATE TABLE presence_summary (
                        assembly_id INTEGER PRIMARY KEY REFERENCES assembly(id),
                        electorate INTEGER NOT NULL CHECK (electorate >= 0),
                        present INTEGER NOT NULL CHECK (present >= 0),
                        represented INTEGER NOT NULL CHECK (represented >= 0),
                        purged_on TEXT NOT NULL
                    );
                    """)
        }
    }
}
