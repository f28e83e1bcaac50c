import GRDB

extension Migrations {
    /// v14: whether a ballot's votes may be changed is recorded when it opens (from the statute then
    /// in force), so a vote no longer looks the statute up. Older ballots keep NULL: read from the statute.
    static func registerBallotRules(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14 whether a ballot's votes may be changed, recorded when it opens") { db in
            try db.execute(sql: "ALTER TABLE ballot ADD COLUMN votes_changeable INTEGER CHECK (votes_changeable IN (0, 1))")
        }
    }
}
