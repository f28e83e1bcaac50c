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

    @Test("a stored postcode that cannot be read is an error: the resident is never left out of the members, the desk or an import")
    func corruptPostcode() throws {
        let db = try ComplianceTests.keptScenario(ComplianceTests.setups[0])
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        try copy.write { try $0.execute(sql: "UPDATE residence SET postcode = '1067 PA!' WHERE resident_id = (SELECT MIN(resident_id) FROM residence)") }
        let damaged = try AppDatabase(writer: copy, clock: StoreFixtures.clock)
        #expect(throws: StoreError.self) { _ = try damaged.members(on: day("2026-11-01")) }
        let extract = try StoreFixtures.extract("id;postcode;huisnummer;geboortedatum;ingeschreven\nR1;1067 PA;1;1980-01-01;2010-01-01", on: "2026-11-01")
        #expect(throws: StoreError.self) {
            _ = try damaged.importRegister(extract, fileName: "brp.csv", fileSHA256: "00", extractDate: day("2026-11-01"))
        }
        #expect(throws: Never.self) { _ = try db.members(on: day("2026-11-01")) }
    }

    @Test(
        "a membership event, a members' demand or annual accounts whose date cannot be read is an error, not left out",
        arguments: [
            "UPDATE membership_event SET effective_on = 'ooit'", "UPDATE assembly_demand SET call_by = 'morgen'",
            "UPDATE annual_accounts SET presented_on = '2026-02-30'",
        ])
    func corruptFacts(_ damage: String) throws {
        // The Soesterkwartier's members join (membership events); its years have demands and accounts.
        let db = try ComplianceTests.keptScenario(ComplianceTests.setups[1])
        #expect(
            try db.writer.read {
                try Int.fetchOne(
                    $0, sql: "SELECT COUNT(*) FROM (\(damage.replacingOccurrences(of: "UPDATE ", with: "SELECT 1 FROM ").components(separatedBy: " SET ")[0]))")
            } ?? 0 > 0)
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        try copy.write { try $0.execute(sql: damage) }
        let damaged = try AppDatabase(writer: copy, clock: StoreFixtures.clock)
        #expect(throws: (any Error).self) {
            _ = try damaged.membershipEvents()
            _ = try damaged.complianceFacts()
        }
        #expect(throws: Never.self) { _ = try db.complianceFacts() }
    }

    @Test(
        "a ballot's method, its stored result, a proposal's source and a statute version's date that cannot be read are errors, not defaults",
        arguments: [
            "UPDATE ballot SET method = 'dobbelsteen'", "UPDATE ballot SET result = '{\"outcome\":\"misschien\"}'",
            "UPDATE proposal SET source_kind = 'buren'", "UPDATE statute_version SET valid_from = 'ooit'",
        ])
    func corruptBallotValues(_ damage: String) throws {
        let (db, proposal) = try RulesCarriedOutTests.soesterEvening()
        let (ballot, _) = try RulesCarriedOutTests.vote(db, proposal, yes: 4, no: 1)
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        try copy.writeWithoutTransaction { db in
            // A file edited by hand, past the schema's own checks.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: damage)
        }
        let damaged = try AppDatabase(writer: copy, clock: StoreFixtures.clock)
        #expect(throws: (any Error).self) {
            _ = try damaged.ballot(ballot)
            _ = try damaged.proposals()
            _ = try damaged.statuteVersions()
        }
        #expect(try db.ballot(ballot).counted?.outcome == .adopted)
    }

    @Test("a proposal's state and source are checked by the database; an unknown state read back is an error, not a draft")
    func proposalStates() throws {
        let db = try StoreFixtures.database("soesterkwartier")
        _ = try db.scheduleAssembly(date: day("2026-10-20"), place: "Wijkhuis", today: day("2026-09-01"))
        _ = try db.callAssembly(1, on: day("2026-09-15"))
        let proposal = try db.submitProposal(
            Proposal(id: 0, title: "Bankjes", text: "Zes bankjes.", kind: "gewoon", source: .board, assembly: 1), on: day("2026-09-20"))
        #expect(throws: (any Error).self) { try db.writer.write { try $0.execute(sql: "UPDATE proposal SET state = 'aangenomen'") } }
        #expect(throws: (any Error).self) { try db.writer.write { try $0.execute(sql: "UPDATE proposal SET state = NULL") } }
        #expect(throws: (any Error).self) {
            try db.writer.write {
                try $0.execute(
                    sql: "INSERT INTO proposal (assembly_id, title, text, kind, source_kind, state) VALUES (1, 't', 't', 'gewoon', 'board', 'aangenomen')")
            }
        }
        #expect(try db.proposals().first { $0.id == proposal.id }?.state == .submitted)
        // A copy whose triggers were dropped (a hand-edited file) still cannot pass an unknown state off as a draft.
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        try copy.write {
            try $0.execute(sql: "DROP TRIGGER proposal_state_on_update")
            try $0.execute(sql: "UPDATE proposal SET state = 'aangenomen'")
        }
        // Such a file is not opened at all (its schema lacks the trigger), and read as it is, the state is still an error.
        let refused = #expect(throws: StoreError.self) { try AppDatabase(writer: copy, clock: StoreFixtures.clock) }
        #expect(refused?.message.contains("`proposal_state_on_update`") == true)
        let damaged = try AppDatabase(writer: copy, clock: StoreFixtures.clock, foreignSchema: .report)
        #expect(throws: StoreError.self) { try damaged.proposals() }
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
