public import BuurtstemCore
import Foundation
import GRDB
public import Statuut

/// Removing personal data once the retention rule allows it, while the audit log still verifies:
/// an entry keeps its leaf hash and its payload is replaced by `{"purged":"<SHA-256 of the payload>"}` (`PurgedPayload`),
/// which a form-2 leaf still checks (`AuditLeaf`);
/// a `data.purged` entry lists every entry purged, so a payload replaced any other way is caught.
public enum Purge {
    /// What a purge removed (or, in a dry run, would remove).
    public struct Report: Sendable, Hashable {
        public var codes: Int
        public var names: Int
        public var logEntries: Int
        /// Assemblies whose presence lists, proxies and electorate became counts.
        public var presenceLists: Int
        /// Former residents removed from the register.
        public var formerResidents: Int
        /// Why names were kept, when they were.
        public var namesKept: String?
    }
}

extension AppDatabase {
    /// Removes personal data from before `before`, as far as `rule` allows on `day`: voting codes of
    /// assemblies more than `codesDays` past, residents' names once the last assembly is `namesDays`
    /// past and none is called or open, and the resident data in audit entries older than
    /// `logMonths`. Nothing the rule still keeps is touched, whatever `before` says. One transaction, logged.
    public func purge(before: CivilDate, on day: CivilDate, rule: RetentionRule = .standard, dryRun: Bool = false) throws -> Purge.Report {
        try writer.write { db in
            let codeCut = min(before, day.adding(days: -rule.codesDays))
            let assemblies = try AssemblyID.fetchAll(db, sql: "SELECT id FROM assembly WHERE state = 'closed' AND date < ?", arguments: [codeCut])
            let codes =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM voting_code WHERE assembly_id IN (SELECT id FROM assembly WHERE state = 'closed' AND date < ?)",
                    arguments: [codeCut]) ?? 0
            var namesKept: String?
            var names = 0
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assembly WHERE state IN ('called', 'open')") ?? 0
            let last = try CivilDate.fetchOne(db, sql: "SELECT MAX(date) FROM assembly WHERE state = 'closed'")
            if active > 0 {
                namesKept = "an assembly is called or open: the desk needs the names"
            } else if let last, last >= min(before, day.adding(days: -rule.namesDays)) {
                namesKept = "the last assembly (\(last)) is less than \(rule.namesDays) days ago, or not before \(before)"
            } else {
                names = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM resident WHERE name IS NOT NULL") ?? 0
            }
            // Entries older than the cut, by their timestamp's date (ISO text compares as dates do).
            let logCut = min(before, day.adding(months: -rule.logMonths))
            let personal = AuditAction.personal.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, payload FROM audit_entry
                    WHERE action IN (\(personal)) AND substr(at, 1, 10) < ? AND payload NOT LIKE '{"purged":%'
                    ORDER BY seq
                    """, arguments: [logCut.description])
            let presenceCut = min(before, day.adding(months: -12 * rule.presenceYears))
            let presence = try AssemblyID.fetchAll(
                db, sql: "SELECT id FROM assembly WHERE state = 'closed' AND date < ? AND id NOT IN (SELECT assembly_id FROM presence_summary) ORDER BY id",
                arguments: [presenceCut])
            // Former residents: every residence closed before the cut, and no kept record naming them
            // (an electorate, presence list or proxy still kept, a code, a written vote outside a meeting).
            let registerCut = min(before, day.adding(months: -12 * rule.registerYears))
            try db.execute(sql: "DROP TABLE IF EXISTS temp.former_resident")
            try db.execute(
                sql: """
                    CREATE TEMP TABLE former_resident AS
                    SELECT resident_id AS id FROM residence GROUP BY resident_id
                    HAVING SUM(moved_out IS NULL) = 0 AND MAX(moved_out) < ?
                    """, arguments: [registerCut])
            // Records this purge removes do not keep anyone (an empty list is fine: `x NOT IN ()` is true).
            let summarised = presence.map(String.init).joined(separator: ", ")
            let codesGone = assemblies.map(String.init).joined(separator: ", ")
            try db.execute(
                sql: """
                    DELETE FROM temp.former_resident WHERE id IN (SELECT resident_id FROM electorate WHERE assembly_id NOT IN (\(summarised)))
                       OR id IN (SELECT resident_id FROM attendance WHERE assembly_id NOT IN (\(summarised)))
                       OR id IN (SELECT giver FROM proxy WHERE assembly_id NOT IN (\(summarised)))
                       OR id IN (SELECT holder FROM proxy WHERE assembly_id NOT IN (\(summarised)))
                       OR id IN (SELECT resident_id FROM voting_code WHERE assembly_id NOT IN (\(codesGone)))
                       OR id IN (SELECT resident_id FROM outside_decision_voter)
                    """)
            let former = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.former_resident") ?? 0
            let report = Purge.Report(
                codes: codes, names: names, logEntries: rows.count, presenceLists: presence.count, formerResidents: former, namesKept: namesKept)
            guard !dryRun, codes + names + rows.count + presence.count + former > 0 else {
                try db.execute(sql: "DROP TABLE temp.former_resident")
                return report
            }
            for assembly in presence {
                let attendance = try Self.attendance(db, assembly)
                try PresenceSummary(
                    assemblyId: assembly, electorate: try Self.electorate(db, assembly).count, present: attendance.present.count,
                    represented: attendance.represented, purgedOn: day.description
                ).insert(db)
                for table in ["attendance", "proxy", "electorate"] { try db.execute(sql: "DELETE FROM \(table) WHERE assembly_id = ?", arguments: [assembly]) }
            }
            try db.execute(
                sql: "DELETE FROM voting_code WHERE assembly_id IN (SELECT id FROM assembly WHERE state = 'closed' AND date < ?)", arguments: [codeCut])
            for table in ["membership_event", "membership_application", "residence", "resident"] {
                let column = table == "resident" ? "id" : "resident_id"
                try db.execute(sql: "DELETE FROM \(table) WHERE \(column) IN (SELECT id FROM temp.former_resident)")
            }
            try db.execute(sql: "DROP TABLE temp.former_resident")
            if names > 0 { try db.execute(sql: "UPDATE resident SET name = NULL WHERE name IS NOT NULL") }
            if !rows.isEmpty {
                // The log is append-only for everything else: the guard is lifted for this one update.
                try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
                let update = try db.makeStatement(sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?")
                for row in rows {
                    let payload: String = row["payload"]
                    try update.execute(arguments: [PurgedPayload.text(replacing: .sha256(Array(payload.utf8))), row["seq"] as Int])
                }
                try db.execute(
                    sql: """
                        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                        """)
            }
            let kept = DataPurged.Rule(
                codesDays: rule.codesDays, namesDays: rule.namesDays, logMonths: rule.logMonths, presenceYears: rule.presenceYears,
                registerYears: rule.registerYears)
            try audit(
                db, .system,
                DataPurged(
                    before: before, on: day, codes: codes, names: names, assemblies: assemblies, entries: rows.map { $0["seq"] },
                    presenceLists: presence, formerResidents: former, rule: kept))
            return report
        }
    }
}
