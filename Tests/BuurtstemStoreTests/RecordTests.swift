import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Rows are read as records: a value that cannot be read is an error that names it, never a
/// default (an assembly on 1970-01-01, a state silently "scheduled").
@Suite("Records")
struct RecordTests {
    @Test(
        "a corrupt date or state in a row is an error, not a default",
        arguments: [
            "UPDATE assembly SET date = 'gisteren'", "UPDATE assembly SET called_on = '2026-13-45'",
        ])
    func corruptValues(_ damage: String) throws {
        let db = try StoreFixtures.database("soesterkwartier")
        _ = try db.scheduleAssembly(date: day("2026-10-20"), place: "Wijkhuis", today: day("2026-09-01"))
        _ = try db.callAssembly(1, on: day("2026-10-05"))
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        try copy.write { try $0.execute(sql: damage) }
        let damaged = try AppDatabase(writer: copy, clock: StoreFixtures.clock)
        #expect(throws: (any Error).self) { try damaged.assemblies() }
        #expect(try db.assemblies().first?.date == day("2026-10-20"))
    }

    @Test("every entry of two kept years names an action the code knows (AuditAction)")
    func actionsAreTyped() throws {
        let db = try ComplianceTests.keptScenario()
        struct Line: Decodable { var action: String }
        var unknown: Set<String> = []
        var count = 0
        try db.exportAudit { line in
            count += 1
            if let action = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)).action, AuditAction(rawValue: action) == nil { unknown.insert(action) }
        }
        #expect(count > 100 && unknown.isEmpty, "unknown actions: \(unknown)")
    }
}
